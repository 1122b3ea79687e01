import { arrangerOf } from '../../../src/domain/catalog/organisations';
import { computeDistrictPoints } from '../../../src/domain/points/district';
import type { UnitPoints } from '../../../src/domain/points/engine';
import type { AchievementTag, EvaluationResult, PointsPairing, PointsRecord } from '../../../src/domain/points/inputs';
import type { PairingDocument, StreetDocument, UnitDocument } from '../../db/documents';
import type { AchievementTagDocument } from '../../db/pointsDocuments';
import { findAll } from '../../db/ops';
import type { CloudDatabase } from '../../runtime/cloud';
import { aggregateEvery } from './bulk';
import type { YearConfig } from './config';
import { loadYearConfig } from './config';
import { readEvaluationResults } from './evaluationSource';
import { ledgerRecords } from './ledger';
import type { OfficeScope } from './scope';
import { pairingInScope } from './scope';

export type PairingLight = Pick<PairingDocument, '_id' | 'unitId' | 'orgId' | 'unitName' | 'orgName' | 'year' | 'streetId' | 'unitStreetId' | 'arrangedBy' | 'startDate' | 'endDate'>;
export type UnitLight = Pick<UnitDocument, '_id' | 'code' | 'name' | 'level' | 'streetId'>;

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

const pairingFields = { _id: 1, unitId: 1, orgId: 1, unitName: 1, orgName: 1, year: 1, streetId: 1, unitStreetId: 1, arrangedBy: 1, startDate: 1, endDate: 1 } as const;

export const toPointsPairing = (pairing: PairingLight): PointsPairing => ({ id: pairing._id, unitId: pairing.unitId, orgName: pairing.orgName, startDate: pairing.startDate, endDate: pairing.endDate });

/** The street whose own rule set applies to a unit: its street, when the street arranges its pairing. */
export function ruleStreetOf(unit: UnitLight, pairings: readonly PairingLight[]): string | null {
  const arranged = pairings[0]?.arrangedBy ?? arrangerOf(unit.level);
  return arranged === 'street' ? unit.streetId : null;
}

/**
 * Every unit's points in an office's scope, read in bulk and computed in the domain: the year's
 * configuration, pairings and streets, then the units, the records (from the points ledger and the
 * records changed since), the achievement tags and the evaluation rounds — eight requests for a whole
 * district, whatever its size, never one per pairing.
 */
export async function scopedPoints(db: CloudDatabase, year: number, scope: OfficeScope, now: Date): Promise<ScopedYear> {
  const _ = db.command;
  const [config, allPairings, streets] = await Promise.all([
    loadYearConfig(db, year),
    aggregateEvery<PairingLight>(db, 'pairings', { year }, pairingFields),
    findAll<StreetDocument>(db.collection('streets').limit(1000)),
  ]);
  const unitIds = new Set(allPairings.filter((pairing) => pairingInScope(scope, pairing)).map((pairing) => pairing.unitId));
  const pairings = allPairings.filter((pairing) => unitIds.has(pairing.unitId));
  const district = scope.kind === 'district';
  const unitOfPairing = new Map(pairings.map((pairing) => [pairing._id, pairing.unitId]));
  const [units, ledger, tagDocuments, evaluations] = await Promise.all([
    aggregateEvery<UnitLight>(db, 'units', district ? {} : { _id: _.in([...unitIds]) }, { _id: 1, code: 1, name: 1, level: 1, streetId: 1 }),
    unitIds.size === 0 ? Promise.resolve([]) : ledgerRecords(db, year, now),
    unitIds.size === 0 ? Promise.resolve([]) : aggregateEvery<AchievementTagDocument>(db, 'achievementTags', district ? { year } : { year, unitId: _.in([...unitIds]) }, { recordId: 1, achievement: 1 }),
    unitIds.size === 0
      ? Promise.resolve([] as EvaluationResult[])
      : readEvaluationResults(db, { year, unitOfPairing, caches: config.evaluationCaches, ...(district ? {} : { unitIds: [...unitIds] }) }, now),
  ]);
  const records = district ? ledger : ledger.filter((record) => unitOfPairing.has(record.pairingId));
  const tags = tagDocuments.map((tag) => ({ recordId: tag.recordId, achievement: tag.achievement }));
  return { year, config, streets, records, tags, results: computeFor(units.filter((unit) => unitIds.has(unit._id)), pairings, records, tags, evaluations, config, now) };
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
