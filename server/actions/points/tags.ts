import { tagInput } from '../../../src/contract/points';
import { canSeeUnitPoints } from '../../../src/domain/access/policy';
import { ruleIn, timelineFor, versionOn } from '../../../src/domain/points/versions';
import type { AchievementTagDocument } from '../../db/pointsDocuments';
import { pointsDistrictRepository } from '../../repositories/pointsDistrict';
import { pointsRecordsRepository } from '../../repositories/pointsRecords';
import { pointsTagsRepository } from '../../repositories/pointsTags';
import { subjectOfCaller } from '../../runtime/access';
import type { CloudDatabase } from '../../runtime/cloud';
import type { Caller } from '../../runtime/context';
import { defineAction } from '../../runtime/defineAction';
import { fail } from '../../runtime/failure';
import { ruleStreetOf } from '../../services/points/scopedPoints';
import { loadYearConfig } from '../../services/points/yearConfig';

const tagId = (recordId: string, achievement: string) => `${recordId}-${achievement}`;

/** The record, checked: the caller sees its unit's points (its people, an office over its pairing), and the year is open. */
async function taggableRecord(db: CloudDatabase, caller: Caller, recordId: string) {
  const record = await pointsRecordsRepository(db).byId(recordId);
  if (!record || !canSeeUnitPoints(subjectOfCaller(caller), record.unitId, [record])) {
    fail('NOT_FOUND', `record ${recordId} not visible to ${caller.personId}`, { field: 'recordId', userMessage: '记录不存在或不在您的范围内' });
  }
  const config = await loadYearConfig(db, record.year);
  if (config.settings.closedAt !== null) fail('CONFLICT', `year ${record.year} closed`, { userMessage: `${record.year}年度的考核已关闭，不能再标注成果` });
  return { record, config };
}

async function tagsOf(db: CloudDatabase, recordId: string): Promise<string[]> {
  return (await pointsTagsRepository(db).ofRecord(recordId)).map((tag) => tag.achievement).sort();
}

/**
 * points.tagAchievement — name a confirmed record as the evidence of an achievement of the rule set
 * (建立党组织、调研报告、集体合同…). The record was confirmed by the org's party leader; the tag only says
 * which achievement it shows, so nothing is typed twice. Only achievements of the rule version in
 * force on the record's date, in one of the record's content areas.
 */
export const tagAchievement = defineAction({
  name: 'points.tagAchievement',
  input: tagInput,
  access: ['unitStaff', 'unitHead', 'streetOffice', 'districtOffice'],
  async run({ db, caller, now }, input) {
    const { record, config } = await taggableRecord(db, caller, input.recordId);
    if (record.state !== 'confirmed') fail('INVALID_INPUT', `record ${record._id} is ${record.state}`, { field: 'recordId', userMessage: '只有已确认的记录才能标注成果' });
    const district = pointsDistrictRepository(db);
    const [pairing, unit] = await Promise.all([district.pairing(record.pairingId), district.unit(record.unitId)]);
    const timeline = timelineFor(record.year, config.ruleSets, unit && pairing ? ruleStreetOf(unit, [pairing]) : null);
    const version = versionOn(timeline, record.date);
    const rule = ruleIn(version, `achievement.${input.achievement}`);
    if (!rule || rule.target.type !== 'achievement') fail('INVALID_INPUT', `no achievement ${input.achievement} in version ${version.version}`, { field: 'achievement', userMessage: '积分规则中没有这项成果' });
    if (!record.contentAreas.includes(rule.target.contentArea)) {
      fail('INVALID_INPUT', `record ${record._id} lacks area ${rule.target.contentArea}`, { field: 'achievement', userMessage: '这条记录没有涉及该成果所属的共建内容' });
    }
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
    return { recordId: record._id, achievements: await tagsOf(db, record._id) };
  },
});

/** points.untagAchievement — take a tag off (the unit's people, or an office on checking). */
export const untagAchievement = defineAction({
  name: 'points.untagAchievement',
  input: tagInput,
  access: ['unitStaff', 'unitHead', 'streetOffice', 'districtOffice'],
  async run({ db, caller }, input) {
    const { record } = await taggableRecord(db, caller, input.recordId);
    if (!(await pointsTagsRepository(db).remove(tagId(record._id, input.achievement)))) {
      fail('NOT_FOUND', `no tag ${input.achievement} on ${record._id}`, { field: 'achievement', userMessage: '这条记录没有标注该成果' });
    }
    return { recordId: record._id, achievements: await tagsOf(db, record._id) };
  },
});
