import { canSeeUnitPoints } from '../../../src/domain/access/policy';
import type { AchievementTagDocument, SelfAssessmentDocument } from '../../db/pointsDocuments';
import { pointsDistrictRepository } from '../../repositories/pointsDistrict';
import { pointsEvaluationsRepository } from '../../repositories/pointsEvaluations';
import type { RecordDetail } from '../../repositories/pointsRecords';
import { pointsRecordsRepository, toPointsRecord } from '../../repositories/pointsRecords';
import { pointsTagsRepository } from '../../repositories/pointsTags';
import type { UnitYearDocuments } from '../../repositories/pointsUnitYear';
import { pointsUnitYearRepository, selfAssessmentIdOf } from '../../repositories/pointsUnitYear';
import { subjectOfCaller } from '../../runtime/access';
import type { CloudDatabase } from '../../runtime/cloud';
import type { Caller } from '../../runtime/context';
import { fail } from '../../runtime/failure';
import { evaluationResultsOf } from '../../services/points/evaluationResults';
import type { UnitResult } from '../../services/points/scopedPoints';
import { computeFor } from '../../services/points/scopedPoints';
import type { YearConfig } from '../../services/points/yearConfig';
import { loadYearConfig } from '../../services/points/yearConfig';
import { yearConfigOf } from '../../services/points/yearConfigOf';

export interface UnitsYear {
  readonly config: YearConfig;
  readonly results: readonly UnitResult[];
  readonly details: readonly RecordDetail[];
  readonly tags: readonly AchievementTagDocument[];
}

/**
 * Many units' year with the records' content (an office's export, chunk by chunk): six requests in two
 * round trips, and a tally read for a closed round whose points were not kept yet. Never writes.
 */
export async function unitsYear(db: CloudDatabase, unitIds: readonly string[], year: number, now: Date): Promise<UnitsYear> {
  const district = pointsDistrictRepository(db);
  const [config, pairings, units, tags, rounds] = await Promise.all([
    loadYearConfig(db, year),
    district.pairingsOfUnits(unitIds, year),
    district.unitsById(unitIds),
    pointsTagsRepository(db).ofUnits(unitIds, year),
    pointsEvaluationsRepository(db).roundsOfYear(year),
  ]);
  const unitOfPairing = new Map(pairings.map((pairing) => [pairing._id, pairing.unitId]));
  const [evaluations, details] = await Promise.all([
    evaluationResultsOf(db, { year, unitIds, unitOfPairing, rounds, caches: config.evaluationCaches }, now),
    pairings.length === 0 ? Promise.resolve([]) : pointsRecordsRepository(db).detailsOfPairings(pairings.map((pairing) => pairing._id)),
  ]);
  return computed(config, { units, pairings, tags, records: details }, evaluations, now);
}

function computed(config: YearConfig, read: Pick<UnitYearDocuments, 'units' | 'pairings' | 'tags' | 'records'>, evaluations: Parameters<typeof computeFor>[4], now: Date): UnitsYear {
  const records = read.records.map((detail) => toPointsRecord({ ...detail, id: detail._id }));
  const tags = read.tags.map((tag) => ({ recordId: tag.recordId, achievement: tag.achievement }));
  const results = computeFor(read.units, read.pairings, records, tags, evaluations, config, now, true);
  return { config, results, details: read.records, tags: read.tags };
}

/** One unit's year in one request (pointsUnitYear.ts), and its self-assessment when asked for. Never writes. */
async function oneUnitYear(db: CloudDatabase, unitId: string, year: number, now: Date, withSelfAssessment: boolean): Promise<UnitsYear & { selfAssessment: SelfAssessmentDocument | undefined }> {
  const read = await pointsUnitYearRepository(db).ofUnits([unitId], year, { selfAssessments: withSelfAssessment });
  const config = yearConfigOf(year, read?.yearDocuments ?? []);
  if (!read) return { config, results: [], details: [], tags: [], selfAssessment: undefined };
  const unitOfPairing = new Map(read.pairings.map((pairing) => [pairing._id, pairing.unitId]));
  const evaluations = await evaluationResultsOf(db, { year, unitIds: [unitId], unitOfPairing, rounds: read.rounds, caches: config.evaluationCaches }, now);
  const selfAssessment = read.selfAssessments.find((document) => document._id === selfAssessmentIdOf(unitId, year));
  return { ...computed(config, read, evaluations, now), selfAssessment };
}

/**
 * The one unit the caller asks about (or their own when they have one), checked against the policy.
 * One request after the caller's (a tally read more only for a closed round whose points were not kept yet).
 */
export async function visibleUnitYear(
  db: CloudDatabase,
  caller: Caller,
  unitId: string | undefined,
  year: number,
  now: Date,
  options: { readonly withSelfAssessment?: boolean } = {},
): Promise<UnitsYear & { result: UnitResult; selfAssessment: SelfAssessmentDocument | undefined }> {
  const subject = subjectOfCaller(caller);
  const target = unitId ?? subject.unitIds[0];
  if (target === undefined) fail('INVALID_INPUT', 'no unit given and caller has none', { field: 'unitId', userMessage: '请选择单位' });
  const year$ = await oneUnitYear(db, target, year, now, options.withSelfAssessment === true);
  const result = year$.results[0];
  if (!result || !canSeeUnitPoints(subject, target, result.pairings)) {
    fail('NOT_FOUND', `unit ${target} not visible to ${caller.personId} in ${year}`, { field: 'unitId', userMessage: '找不到该单位本年度的结对，或不在您的查看范围内' });
  }
  return { ...year$, result };
}
