import { tagInput } from '../../../src/contract/points';
import { canSeeUnitPoints } from '../../../src/domain/access/policy';
import { ruleIn, timelineFor, versionOn } from '../../../src/domain/points/versions';
import type { AchievementTagDocument } from '../../db/pointsDocuments';
import type { RecordForTagging } from '../../repositories/pointsTagging';
import { pointsTaggingRepository } from '../../repositories/pointsTagging';
import { pointsTagsRepository } from '../../repositories/pointsTags';
import { subjectOfCaller } from '../../runtime/access';
import type { CloudDatabase } from '../../runtime/cloud';
import type { Caller } from '../../runtime/context';
import { defineAction } from '../../runtime/defineAction';
import { fail } from '../../runtime/failure';
import { ruleStreetOf } from '../../services/points/scopedPoints';
import { ruleSetOf, settingsView } from '../../services/points/yearConfig';

const tagId = (recordId: string, achievement: string) => `${recordId}-${achievement}`;

/**
 * The record with its tags (and, for tagging, the rules that can apply to it), in one request,
 * checked: the caller sees its unit's points (its people, an office over its pairing), and the year
 * is open.
 */
async function taggableRecord(db: CloudDatabase, caller: Caller, recordId: string, options: { readonly rules: boolean }): Promise<RecordForTagging> {
  const found = await pointsTaggingRepository(db).recordForTagging(recordId, options);
  if (!found || !canSeeUnitPoints(subjectOfCaller(caller), found.record.unitId, [found.record])) {
    fail('NOT_FOUND', `record ${recordId} not visible to ${caller.personId}`, { field: 'recordId', userMessage: '记录不存在或不在您的范围内' });
  }
  const { year } = found.record;
  if (settingsView(year, found.settings).closedAt !== null) fail('CONFLICT', `year ${year} closed`, { userMessage: `${year}年度的考核已关闭，不能再标注成果` });
  return found;
}

/**
 * points.tagAchievement — name a confirmed record as the evidence of an achievement of the rule set
 * (建立党组织、调研报告、集体合同…). The record was confirmed by the org's party leader; the tag only says
 * which achievement it shows, so nothing is typed twice. Only achievements of the rule version in
 * force on the record's date, in one of the record's content areas. Three requests: the caller, the
 * record with its tags and the rules that can apply to it (one aggregate), the tag written; two when
 * the record is tagged so already (nothing is written). The answer is the tags read and the one written.
 */
export const tagAchievement = defineAction({
  name: 'points.tagAchievement',
  input: tagInput,
  access: ['unitStaff', 'unitHead', 'streetOffice', 'districtOffice'],
  async run({ db, caller, now }, input) {
    const { record, ruleSets, unit, pairing, achievements } = await taggableRecord(db, caller, input.recordId, { rules: true });
    if (record.state !== 'confirmed') fail('INVALID_INPUT', `record ${record._id} is ${record.state}`, { field: 'recordId', userMessage: '只有已确认的记录才能标注成果' });
    const timeline = timelineFor(record.year, ruleSets.map(ruleSetOf), unit && pairing ? ruleStreetOf(unit, [pairing]) : null);
    const version = versionOn(timeline, record.date);
    const rule = ruleIn(version, `achievement.${input.achievement}`);
    if (!rule || rule.target.type !== 'achievement') fail('INVALID_INPUT', `no achievement ${input.achievement} in version ${version.version}`, { field: 'achievement', userMessage: '积分规则中没有这项成果' });
    if (!record.contentAreas.includes(rule.target.contentArea)) {
      fail('INVALID_INPUT', `record ${record._id} lacks area ${rule.target.contentArea}`, { field: 'achievement', userMessage: '这条记录没有涉及该成果所属的共建内容' });
    }
    // Tagged already: nothing to write (the tag keeps who made it and when).
    if (achievements.includes(input.achievement)) return { recordId: record._id, achievements };
    const document: AchievementTagDocument = {
      _id: tagId(record._id, input.achievement),
      recordId: record._id,
      pairingId: record.pairingId,
      unitId: record.unitId,
      year: record.year,
      achievement: input.achievement,
      taggedById: caller.personId,
      taggedBy: caller.name,
      taggedAt: now,
    };
    await pointsTagsRepository(db).save(document);
    return { recordId: record._id, achievements: [...achievements, input.achievement].sort() };
  },
});

/**
 * points.untagAchievement — take a tag off (the unit's people, or an office on checking). Three
 * requests: the caller, the record with its tags and the year's settings, the removal (two when the
 * record has no such tag).
 */
export const untagAchievement = defineAction({
  name: 'points.untagAchievement',
  input: tagInput,
  access: ['unitStaff', 'unitHead', 'streetOffice', 'districtOffice'],
  async run({ db, caller }, input) {
    const { record, achievements } = await taggableRecord(db, caller, input.recordId, { rules: false });
    const untagged = () => fail('NOT_FOUND', `no tag ${input.achievement} on ${record._id}`, { field: 'achievement', userMessage: '这条记录没有标注该成果' });
    if (!achievements.includes(input.achievement)) untagged();
    if (!(await pointsTagsRepository(db).remove(tagId(record._id, input.achievement)))) untagged();
    return { recordId: record._id, achievements: achievements.filter((achievement) => achievement !== input.achievement) };
  },
});
