import { arrangerOf } from '../../../src/domain/catalog/organisations';
import { computeDistrictPoints } from '../../../src/domain/points/district';
import type { UnitPoints } from '../../../src/domain/points/engine';
import type { AchievementTag, EvaluationResult, PointsPairing, PointsRecord } from '../../../src/domain/points/inputs';
import type { StreetDocument } from '../../db/documents';
import type { PairingLight, UnitLight } from '../../repositories/pointsDistrict';
import { pointsDistrictRepository } from '../../repositories/pointsDistrict';
import { pointsRecordsRepository } from '../../repositories/pointsRecords';
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
 * Every unit's points in an office's scope, read in bulk and computed in the domain, never one
 * request per pairing. A unit is in scope when one of its pairings is; then all its pairings of the
 * year count.
 * - The whole district: the year's configuration, pairings, streets and the points ledger's heads at
 *   once, then the changes since the ledger's watermark (with the texts of chunks this instance does
 *   not hold decoded), the units, the achievement tags and the evaluation rounds — nine requests
 *   (ten with texts), two round trips after the caller's, whatever the district's size.
 * - A street (a street office, or the street an office chose): only that street's data — its
 *   pairings, then its units' other pairings, then its units' records (by pairing, not the ledger),
 *   units, tags and evaluations.
 */
export async function scopedPoints(db: CloudDatabase, year: number, scope: OfficeScope, now: Date): Promise<ScopedYear> {
  const district = pointsDistrictRepository(db);
  if (scope.kind === 'district') {
    // The ledger's two round trips (heads, then texts and changes) run beside the pairings' two.
    const [ledger, read] = await Promise.all([
      ledgerRecords(db, year, now),
      (async () => {
        const [config, allPairings, streets] = await Promise.all([loadYearConfig(db, year), district.pairingsOfYear(year), district.streets()]);
        const pairings = allPairings.filter(scope.includes);
        const unitIds = new Set(pairings.map((pairing) => pairing.unitId));
        const unitOfPairing = new Map(pairings.map((pairing) => [pairing._id, pairing.unitId]));
        const [units, tags, evaluations] = await Promise.all([
          district.units(),
          unitIds.size === 0 ? Promise.resolve([]) : pointsTagsRepository(db).ofYear(year),
          unitIds.size === 0 ? Promise.resolve([] as EvaluationResult[]) : readEvaluationResults(db, { year, unitOfPairing, caches: config.evaluationCaches }, now),
        ]);
        return { config, streets, pairings, unitOfPairing, units: units.filter((unit) => unitIds.has(unit._id)), tags, evaluations, all: pairings.length === allPairings.length };
      })(),
    ]);
    const records = read.all ? ledger : ledger.filter((record) => read.unitOfPairing.has(record.pairingId));
    return finish(year, read.config, read.streets, read.units, read.pairings, records, read.tags, read.evaluations, now);
  }
  const [config, touching, streets] = await Promise.all([loadYearConfig(db, year), district.pairingsTouching(year, scope.streetIds), district.streets()]);
  const unitIds = unitsReached(touching, scope);
  if (unitIds.length === 0) return finish(year, config, streets, [], [], [], [], [], now);
  const pairings = await district.pairingsOfUnitsLight(unitIds, year);
  const unitOfPairing = new Map(pairings.map((pairing) => [pairing._id, pairing.unitId]));
  const [units, records, tags, evaluations] = await Promise.all([
    district.units(unitIds),
    pointsRecordsRepository(db).ofPairings(pairings.map((pairing) => pairing._id)),
    pointsTagsRepository(db).ofYear(year, unitIds),
    readEvaluationResults(db, { year, unitOfPairing, caches: config.evaluationCaches, unitIds }, now),
  ]);
  return finish(year, config, streets, units, pairings, records, tags, evaluations, now);
}

/** The units a street's scope reaches: those with a pairing in it (then all their pairings of the year count). */
export function unitsReached(touching: readonly PairingLight[], scope: OfficeScope): string[] {
  return [...new Set(touching.filter(scope.includes).map((pairing) => pairing.unitId))];
}

function finish(
  year: number,
  config: YearConfig,
  streets: readonly StreetDocument[],
  units: readonly UnitLight[],
  pairings: readonly PairingLight[],
  records: readonly PointsRecord[],
  tags: ReadonlyArray<{ readonly recordId: string; readonly achievement: AchievementTag['achievement'] }>,
  evaluations: readonly EvaluationResult[],
  now: Date,
): ScopedYear {
  const tagList = tags.map((tag) => ({ recordId: tag.recordId, achievement: tag.achievement }));
  return { year, config, streets, records, tags: tagList, results: computeFor(units, pairings, records, tagList, evaluations, config, now) };
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
  for (const pairing of pairings) {
    const ofUnit = pairingsByUnit.get(pairing.unitId);
    if (ofUnit) ofUnit.push(pairing);
    else pairingsByUnit.set(pairing.unitId, [pairing]);
  }
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
