import { generateBulletinInput } from '../../../src/contract/bulletins';
import { policy } from '../../../src/domain/access/policy';
import type { GoodPracticeCandidate, UnitQuarterInput } from '../../../src/domain/bulletins/quarterly';
import { draftQuarterlyBulletin, editOf } from '../../../src/domain/bulletins/quarterly';
import type { RecordKind } from '../../../src/domain/records/catalog';
import { chinaDateString } from '../../../src/domain/time/chinaTime';
import { boundsOf } from '../../../src/domain/time/periods';
import type { BulletinDocument } from '../../db/pointsDocuments';
import { bulletinsRepository } from '../../repositories/bulletins';
import { pointsDistrictRepository } from '../../repositories/pointsDistrict';
import { pointsRecordsRepository } from '../../repositories/pointsRecords';
import { requireAccess } from '../../runtime/access';
import { defineAction } from '../../runtime/defineAction';
import { fail } from '../../runtime/failure';
import { districtName, officeScopeOf } from '../../services/points/officeScope';
import { scopedPoints, unitsReached } from '../../services/points/scopedPoints';
import { bulletinView } from './bulletinView';

/** The kinds of work a good practice is chosen from (not the monthly visits). */
const practiceKinds: readonly RecordKind[] = ['quarterlyActivity', 'openDay', 'otherWork', 'festivalVisit', 'annualSummary'];

export const bulletinId = (streetId: string | null, year: number, quarter: number) => `${streetId ?? 'district'}-${year}-q${quarter}`;

/**
 * bulletins.generate — draft the quarter's inspection bulletin from the data: each unit's cadence,
 * good practices chosen among the quarter's confirmed records, units to praise and units behind.
 * Redrafting replaces a draft; a published bulletin stays as published.
 */
export const generateBulletin = defineAction({
  name: 'bulletins.generate',
  input: generateBulletinInput,
  access: ['streetOffice', 'districtOffice'],
  async run({ db, caller, now }, input) {
    const streetId = input.streetId ?? null;
    requireAccess(caller, policy.bulletin.edit, { streetId, state: 'draft', unitIds: [] }, { as: 'FORBIDDEN', userMessage: streetId === null ? '区级通报由区委党群共建办编写' : '只能编写本街道的通报' });
    const { start, end } = boundsOf({ kind: 'quarter', year: input.year, quarter: input.quarter });
    if (now.getTime() < start.getTime()) fail('INVALID_INPUT', `quarter ${input.year}-Q${input.quarter} not started`, { field: 'quarter', userMessage: '该季度尚未开始，不能生成通报' });
    const id = bulletinId(streetId, input.year, input.quarter);
    const first = chinaDateString(start);
    const last = chinaDateString(end.getTime() - 1);
    // The bulletin's level is the office's scope: the whole district, or the units with a pairing in the street.
    const scope = officeScopeOf(caller, streetId ?? undefined);
    const district = pointsDistrictRepository(db);
    const practice = (unitIds?: readonly string[]) => pointsRecordsRepository(db).confirmedBetween({ year: input.year, ...(unitIds ? { unitIds } : {}) }, practiceKinds, first, last);
    // Everything is read at once: the draft, the street, the points, and the quarter's practice records
    // (a street's found from its pairings, read here beside the points' own read of them), so the office
    // waits for four round trips for the district, five for a street, however many records the quarter has.
    const [existing, street, scoped, rows] = await Promise.all([
      bulletinsRepository(db).byId(id),
      streetId ? district.street(streetId) : Promise.resolve(undefined),
      scopedPoints(db, input.year, scope, now),
      scope.kind === 'district'
        ? practice()
        : district.pairingsTouching(input.year, scope.streetIds).then((touching) => {
            const unitIds = unitsReached(touching, scope);
            return unitIds.length === 0 ? [] : practice(unitIds);
          }),
    ]);
    if (existing?.state === 'published') fail('CONFLICT', `bulletin ${id} already published`, { userMessage: '本季度通报已发布，不能重新生成' });
    if (streetId && !street) fail('NOT_FOUND', `street ${streetId} not found`, { field: 'streetId', userMessage: '街道不存在' });
    const inQuarter = (date: string) => date >= first && date <= last;
    const achievementsByRecord = new Map<string, number>();
    const units: UnitQuarterInput[] = scoped.results.map((result) => {
      const achievements = result.points.lines.filter((line) => line.ruleKey.startsWith('achievement.') && line.points > 0 && inQuarter(line.date));
      for (const line of achievements) if (line.source.type === 'record') achievementsByRecord.set(line.source.recordId, (achievementsByRecord.get(line.source.recordId) ?? 0) + 1);
      return { unitId: result.unit._id, unitName: result.unit.name, calendar: result.points.calendar, achievements: achievements.length };
    });
    const unitNames = new Map(scoped.results.map((result) => [result.unit._id, result.unit.name]));
    const candidates: GoodPracticeCandidate[] = rows
      .filter((row) => unitNames.has(row.unitId))
      .map((row) => ({
        recordId: row._id,
        unitId: row.unitId,
        unitName: unitNames.get(row.unitId) ?? row.unitName,
        orgName: row.orgName,
        kind: row.kind,
        date: row.date,
        contentAreas: row.contentAreas,
        content: row.content,
        results: row.results,
        participants: row.participants.unit.count + row.participants.org.count,
        achievements: achievementsByRecord.get(row._id) ?? 0,
      }));
    const scopeName = street?.name ?? districtName(caller);
    const generated = draftQuarterlyBulletin({ scopeName, year: input.year, quarter: input.quarter, units, candidates });
    const document: BulletinDocument = {
      _id: id,
      scopeKey: streetId ?? 'district',
      streetId,
      scopeName,
      year: input.year,
      quarter: input.quarter,
      state: 'draft',
      generated,
      edit: editOf(generated),
      unitIds: generated.compliance.map((row) => row.unitId),
      generatedAt: now,
      updatedAt: now,
      updatedBy: caller.name,
      publishedAt: null,
      publishedBy: null,
    };
    await bulletinsRepository(db).save(document);
    return { bulletin: bulletinView(document, caller, now) };
  },
});
