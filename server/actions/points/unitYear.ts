import { canSeeUnitPoints } from '../../../src/domain/access/policy';
import type { AchievementTagDocument } from '../../db/pointsDocuments';
import { pointsDistrictRepository } from '../../repositories/pointsDistrict';
import type { RecordDetail } from '../../repositories/pointsRecords';
import { pointsRecordsRepository, toPointsRecord } from '../../repositories/pointsRecords';
import { pointsTagsRepository } from '../../repositories/pointsTags';
import { subjectOfCaller } from '../../runtime/access';
import type { CloudDatabase } from '../../runtime/cloud';
import type { Caller } from '../../runtime/context';
import { fail } from '../../runtime/failure';
import { readEvaluationResults } from '../../services/points/evaluationSource';
import type { UnitResult } from '../../services/points/scopedPoints';
import { computeFor } from '../../services/points/scopedPoints';
import type { YearConfig } from '../../services/points/yearConfig';
import { loadYearConfig } from '../../services/points/yearConfig';

export interface UnitsYear {
  readonly config: YearConfig;
  readonly results: readonly UnitResult[];
  readonly details: readonly RecordDetail[];
  readonly tags: readonly AchievementTagDocument[];
}

/** A few units' year with the records' content (the breakdown's titles, the record book), read directly: six requests (seven with the caller) in three round trips. */
export async function unitsYear(db: CloudDatabase, unitIds: readonly string[], year: number, now: Date): Promise<UnitsYear> {
  const district = pointsDistrictRepository(db);
  const [config, pairings, units, tags] = await Promise.all([
    loadYearConfig(db, year),
    district.pairingsOfUnits(unitIds, year),
    district.unitsById(unitIds),
    pointsTagsRepository(db).ofUnits(unitIds, year),
  ]);
  const unitOfPairing = new Map(pairings.map((pairing) => [pairing._id, pairing.unitId]));
  const [evaluations, details] = await Promise.all([
    readEvaluationResults(db, { year, unitIds, unitOfPairing, caches: config.evaluationCaches }, now),
    pairings.length === 0 ? Promise.resolve([]) : pointsRecordsRepository(db).detailsOfPairings(pairings.map((pairing) => pairing._id)),
  ]);
  const records = details.map((detail) => toPointsRecord({ ...detail, id: detail._id }));
  const results = computeFor(units, pairings, records, tags.map((tag) => ({ recordId: tag.recordId, achievement: tag.achievement })), evaluations, config, now, true);
  return { config, results, details, tags };
}

/** The one unit the caller asks about (or their own when they have one), checked against the policy. */
export async function visibleUnitYear(db: CloudDatabase, caller: Caller, unitId: string | undefined, year: number, now: Date): Promise<UnitsYear & { result: UnitResult }> {
  const subject = subjectOfCaller(caller);
  const target = unitId ?? subject.unitIds[0];
  if (target === undefined) fail('INVALID_INPUT', 'no unit given and caller has none', { field: 'unitId', userMessage: '请选择单位' });
  const year$ = await unitsYear(db, [target], year, now);
  const result = year$.results[0];
  if (!result || !canSeeUnitPoints(subject, target, result.pairings)) {
    fail('NOT_FOUND', `unit ${target} not visible to ${caller.personId} in ${year}`, { field: 'unitId', userMessage: '找不到该单位本年度的结对，或不在您的查看范围内' });
  }
  return { ...year$, result };
}
