import type { BulletinView } from '../../src/contract/bulletins';
import type { SelfAssessmentView, UnitPointsView } from '../../src/contract/points';
import { draftQuarterlyBulletin, editOf } from '../../src/domain/bulletins/quarterly';
import { computeUnitPoints } from '../../src/domain/points/engine';
import type { PointsRecord } from '../../src/domain/points/inputs';
import { timelineFor } from '../../src/domain/points/versions';
import { chinaInstant } from '../../src/domain/time/chinaTime';

/** Page-test data made by the real domain, so the shapes are those the functions send. */
const record = (id: string, kind: PointsRecord['kind'], date: string, state: PointsRecord['state'] = 'confirmed', contentAreas: PointsRecord['contentAreas'] = ['workSystems']): PointsRecord => ({
  id,
  pairingId: 'pairing-2026-001',
  kind,
  date,
  state,
  contentAreas,
  recordedOn: date,
  paper: false,
});

export const unitRecords: PointsRecord[] = [
  record('rec-jan', 'monthlyVisit', '2026-01-10'),
  record('rec-feb', 'monthlyVisit', '2026-02-10'),
  record('rec-mar', 'monthlyVisit', '2026-03-05'),
  record('rec-q1', 'quarterlyActivity', '2026-03-12', 'confirmed', ['labourRelations']),
  record('rec-apr', 'monthlyVisit', '2026-04-10', 'submitted'),
];

export function aUnitPointsView(overrides: Partial<UnitPointsView> = {}): UnitPointsView {
  const timeline = timelineFor(2026, [], null);
  const points = computeUnitPoints({
    year: 2026,
    unitId: 'unit-001',
    pairings: [{ id: 'pairing-2026-001', unitId: 'unit-001', orgName: '深圳华星光电科技有限公司', startDate: '2026-01-01', endDate: null }],
    records: unitRecords,
    tags: [],
    evaluations: [],
    timeline,
    now: chinaInstant(2026, 4, 20),
  });
  const titles: Record<string, string> = { 'rec-jan': '一月一到访：指导三会一课', 'rec-feb': '一月一到访：走访工会', 'rec-mar': '一月一到访：座谈', 'rec-q1': '一季一活动（联合活动）：劳动法宣讲', 'rec-apr': '一月一到访：了解积极分子培养' };
  return {
    year: 2026,
    unitId: 'unit-001',
    unitName: '区发展和改革局',
    units: [{ id: 'unit-001', name: '区发展和改革局' }],
    pairings: [{ id: 'pairing-2026-001', orgName: '深圳华星光电科技有限公司', startDate: '2026-01-01', endDate: null }],
    totals: points.totals,
    lines: points.lines.map(({ contentAreas: _a, ceiling: _c, ...line }) => ({ ...line, ...(line.source.type === 'record' ? { title: titles[line.source.recordId] } : {}) })),
    pending: points.pending.map((line) => ({ ...line, ...(line.source.type === 'record' ? { title: titles[line.source.recordId] } : {}) })),
    calendar: points.calendar,
    versions: [{ version: 0, label: '默认积分表', effectiveFrom: '2026-01-01' }],
    achievements: [{ achievement: 'mediationCommittee', label: '推动建立劳动争议调解委员会', contentArea: 'labourRelations', points: 5 }],
    taggable: [{ recordId: 'rec-q1', date: '2026-03-12', kind: 'quarterlyActivity', title: '一季一活动（联合活动）：劳动法宣讲', contentAreas: ['labourRelations'], achievements: [] }],
    canTag: true,
    ...overrides,
  };
}

export function aSelfAssessment(overrides: Partial<SelfAssessmentView> = {}): SelfAssessmentView {
  return {
    year: 2026,
    unitId: 'unit-001',
    unitName: '区发展和改革局',
    deadline: '2027-01-15',
    open: true,
    canSubmit: true,
    claimable: [
      { ruleKey: 'monthlyVisit', label: '一月一到访', deduction: false, min: 0, max: 24 },
      { ruleKey: 'quarterlyActivity', label: '一季一活动（联合活动）', deduction: false, min: 0, max: 20 },
      { ruleKey: 'deduction.month', label: '扣分：缺一月到访', deduction: true, min: -12, max: 0 },
    ],
    computed: { byRule: { monthlyVisit: 4, quarterlyActivity: 5, 'deduction.month': -2 }, total: 7 },
    submitted: null,
    comparison: null,
    ...overrides,
  };
}

export function aBulletin(overrides: Partial<BulletinView> = {}): BulletinView {
  const calendar = aUnitPointsView().calendar;
  const generated = draftQuarterlyBulletin({
    scopeName: '龙岗区',
    year: 2026,
    quarter: 1,
    units: [
      { unitId: 'unit-001', unitName: '区发展和改革局', calendar, achievements: 1 },
      { unitId: 'unit-002', unitName: '区教育局', calendar: { ...calendar, months: calendar.months.map((entry, index) => (index === 1 ? { ...entry, status: 'missing' as const } : entry)) }, achievements: 0 },
    ],
    candidates: [
      { recordId: 'rec-q1', unitId: 'unit-001', unitName: '区发展和改革局', orgName: '深圳华星光电科技有限公司', kind: 'quarterlyActivity', date: '2026-03-12', contentAreas: ['labourRelations'], content: '联合开展劳动法宣讲', results: '120 名员工参加', participants: 130, achievements: 1 },
    ],
  });
  return {
    id: 'district-2026-q1',
    scopeName: '龙岗区',
    year: 2026,
    quarter: 1,
    title: generated.title,
    state: 'draft',
    publishedAt: null,
    updatedAt: '2026-04-02T02:00:00.000Z',
    streetId: null,
    content: generated,
    generated,
    edit: editOf(generated),
    canEdit: true,
    canPublish: true,
    myUnitIds: [],
    ...overrides,
  };
}
