import type { AchievementTag, EvaluationResult, PointsPairing, PointsRecord } from '../../src/domain/points/inputs';
import type { PointRule, RuleSet } from '../../src/domain/points/rules';
import type { RecordKind } from '../../src/domain/records/catalog';
import type { RecordState } from '../../src/domain/records/stateMachine';

/** Small named builders for the points golden tests: a compact rule set that is easy to compute by hand. */
export const goldenRules: PointRule[] = [
  { target: { type: 'cadence', kind: 'monthlyVisit' }, points: 2, latePoints: 1, cap: 20 },
  { target: { type: 'cadence', kind: 'quarterlyActivity' }, points: 5, latePoints: 3, cap: 20 },
  { target: { type: 'cadence', kind: 'annualSummary' }, points: 8, cap: 8 },
  { target: { type: 'record', kind: 'openDay' }, points: 4, cap: 4 },
  { target: { type: 'record', kind: 'festivalVisit' }, points: 3, cap: 6 },
  { target: { type: 'record', kind: 'otherWork' }, points: 1, cap: 2 },
  { target: { type: 'achievement', achievement: 'researchReport', label: '牵头形成专题调研报告', contentArea: 'practicalProblems' }, points: 5, cap: 5 },
  { target: { type: 'evaluation', round: 'midYear' }, points: 10, cap: null },
  { target: { type: 'evaluation', round: 'yearEnd' }, points: 10, cap: null },
  { target: { type: 'deduction', period: 'month' }, points: 2, cap: 6 },
  { target: { type: 'deduction', period: 'quarter' }, points: 3, cap: 6 },
  { target: { type: 'deduction', period: 'year' }, points: 5, cap: 5 },
];

export function ruleSet(overrides: Partial<RuleSet> = {}): RuleSet {
  return { year: 2026, version: 1, effectiveFrom: '2026-01-01', scope: { kind: 'district' }, rules: goldenRules, yearCap: 100, lateAfterDays: 10, ...overrides };
}

export const wholeYear: PointsPairing = { id: 'pairing-a', unitId: 'unit-1', orgName: '华星光电', startDate: '2026-01-01', endDate: null };

let serial = 0;
export function record(kind: RecordKind, date: string, overrides: Partial<PointsRecord> = {}): PointsRecord {
  serial += 1;
  return {
    id: `r-${date}-${kind}-${String(serial).padStart(4, '0')}`,
    pairingId: 'pairing-a',
    kind,
    date,
    state: 'confirmed' as RecordState,
    contentAreas: ['partyMassBuilding'],
    recordedOn: date,
    paper: false,
    ...overrides,
  };
}

/** A confirmed visit on the 10th of each listed month. */
export function visits(months: readonly number[], overrides: Partial<PointsRecord> = {}): PointsRecord[] {
  return months.map((month) => record('monthlyVisit', `2026-${String(month).padStart(2, '0')}-10`, overrides));
}

export function tag(recordId: string, achievement = 'researchReport'): AchievementTag {
  return { recordId, achievement };
}

export function evaluation(overrides: Partial<EvaluationResult> = {}): EvaluationResult {
  return { unitId: 'unit-1', roundId: 'round-mid', kind: 'midYear', year: 2026, points: 8, closedAt: new Date('2026-07-05T02:00:00Z'), ...overrides };
}
