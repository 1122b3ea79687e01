import { arrangerOf } from '../../../src/domain/catalog/organisations';
import { computeDistrictPoints } from '../../../src/domain/points/district';
import type { UnitPoints } from '../../../src/domain/points/engine';
import type { AchievementTag, EvaluationResult, PointsPairing, PointsRecord } from '../../../src/domain/points/inputs';
import type { StreetDocument } from '../../db/documents';
import type { PairingLight, UnitLight } from '../../repositories/pointsDistrict';
import { pointsDistrictRepository } from '../../repositories/pointsDistrict';
import { pointsTagsRepository } from '../../repositories/pointsTags';
import type { CloudDatabase } from '../../runtime/cloud';
import { readEvaluationResults } from './evaluationSource';
import { ledgerRecords } from './ledger';
import type { OfficeScope } from './officeScope';
import type { YearConfig } from './yearConfig';
import { loadYearConfig } from './yearConfig';

export interface UnitResult {
  readonly unit: UnitLight;
  readonly pairings: readonly PairingLight[];
  readonly points: UnitPoints;
}

export interface ScopedYear {
  readonly year: number;
  readonly config: YearConfig;
  readonly streets: readonly StreetDocument[];
  readonly results: readonly UnitResult[];
  readonly records: readonly PointsRecord[];
  readonly tags: readonly AchievementTag[];
}

export const toPointsPairing = (pairing: PairingLight): PointsPairing => ({ id: pairing._id, unitId: pairing.unitId, orgName: pairing.orgName, startDate: pairing.startDate, endDate: pairing.endDate });

/** The street whose own rule set applies to a unit: its street, when the street arranges its pairing. */
export function ruleStreetOf(unit: UnitLight, pairings: readonly Pick<PairingLight, 'arrangedBy'>[]): string | null {
  const arranged = pairings[0]?.arrangedBy ?? arrangerOf(unit.level);
  return arranged === 'street' ? unit.streetId : null;
}

/**
 * Every unit's points in an office's scope, read in bulk and computed in the domain: the year's
 * configuration, pairings and streets, then the units, the records (from the points ledger and the
 * records changed since), the achievement tags and the evaluation rounds — nine requests for a whole
 * district, whatever its size, never one per pairing. A unit is in scope when one of its pairings is;
 * then all its pairings of the year count.
 */
export async function scopedPoints(db: CloudDatabase, year: number, scope: OfficeScope, now: Date): Promise<ScopedYear> {
  const district = pointsDistrictRepository(db);
  const [config, allPairings, streets] = await Promise.all([loadYearConfig(db, year), district.pairingsOfYear(year), district.streets()]);
  const unitIds = new Set(allPairings.filter(scope.includes).map((pairing) => pairing.unitId));
  const pairings = allPairings.filter((pairing) => unitIds.has(pairing.unitId));
  const whole = scope.kind === 'district';
  const unitOfPairing = new Map(pairings.map((pairing) => [pairing._id, pairing.unitId]));
  const [units, ledger, tags, evaluations] = await Promise.all([
    district.units(whole ? undefined : [...unitIds]),
    unitIds.size === 0 ? Promise.resolve([]) : ledgerRecords(db, year, now),
    unitIds.size === 0 ? Promise.resolve([]) : pointsTagsRepository(db).ofYear(year, whole ? undefined : [...unitIds]),
    unitIds.size === 0
      ? Promise.resolve([] as EvaluationResult[])
      : readEvaluationResults(db, { year, unitOfPairing, caches: config.evaluationCaches, ...(whole ? {} : { unitIds: [...unitIds] }) }, now),
  ]);
  const records = whole ? ledger : ledger.filter((record) => unitOfPairing.has(record.pairingId));
  const tagList = tags.map((tag) => ({ recordId: tag.recordId, achievement: tag.achievement }));
  return { year, config, streets, records, tags: tagList, results: computeFor(units.filter((unit) => unitIds.has(unit._id)), pairings, records, tagList, evaluations, config, now) };
}

export function computeFor(
  units: readonly UnitLight[],
  pairings: readonly PairingLight[],
  records: readonly PointsRecord[],
  tags: readonly AchievementTag[],
  evaluations: readonly EvaluationResult[],
  config: YearConfig,
  now: Date,
  explain = false,
): UnitResult[] {
  const pairingsByUnit = new Map<string, PairingLight[]>();
  for (const pairing of pairings) pairingsByUnit.set(pairing.unitId, [...(pairingsByUnit.get(pairing.unitId) ?? []), pairing]);
  const sorted = [...units].sort((a, b) => a.code.localeCompare(b.code));
  const points = computeDistrictPoints({
    year: config.year,
    units: sorted.map((unit) => ({ id: unit._id, ruleStreetId: ruleStreetOf(unit, pairingsByUnit.get(unit._id) ?? []) })),
    pairings: pairings.map(toPointsPairing),
    records,
    tags,
    evaluations,
    ruleSets: config.ruleSets,
    now,
    explain,
  });
  return sorted.map((unit, index) => ({ unit, pairings: pairingsByUnit.get(unit._id) ?? [], points: points[index]! }));
}
