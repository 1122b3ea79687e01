import { applyEdit, draftQuarterlyBulletin, editOf, editProblems, publishProblem } from '../../src/domain/bulletins/quarterly';
import type { GoodPracticeCandidate } from '../../src/domain/bulletins/quarterly';
import { cadenceCalendar } from '../../src/domain/points/calendar';
import type { PointsRecord } from '../../src/domain/points/inputs';
import { timelineFor } from '../../src/domain/points/versions';
import { chinaInstant } from '../../src/domain/time/chinaTime';
import { record, ruleSet, wholeYear } from './pointsFixtures';

const timeline = timelineFor(2026, [ruleSet()], null);
const now = chinaInstant(2026, 10, 5);
const unit = (unitId: string, unitName: string, records: PointsRecord[], achievements = 0) => ({
  unitId,
  unitName,
  achievements,
  calendar: cadenceCalendar(2026, [{ ...wholeYear, unitId }], new Map([['pairing-a', records]]), timeline, now),
});
const q3 = (months: number[], activity: boolean) => [
  ...months.map((month) => record('monthlyVisit', `2026-0${month}-10`)),
  ...(activity ? [record('quarterlyActivity', '2026-08-20')] : []),
];
const candidate = (overrides: Partial<GoodPracticeCandidate>): GoodPracticeCandidate => ({
  recordId: 'rec-1',
  unitId: 'unit-a',
  unitName: '区教育局',
  orgName: '华星光电',
  kind: 'quarterlyActivity',
  date: '2026-08-20',
  contentAreas: ['activitySupport', 'talentCultivation'],
  content: '联合开展青年技能大赛',
  results: '120 名青工参赛，评出技术能手 10 名',
  participants: 130,
  achievements: 0,
  ...overrides,
});

describe('the quarterly bulletin', () => {
  const units = [unit('unit-a', '区教育局', q3([7, 8, 9], true)), unit('unit-b', '区财政局', q3([7, 9], false)), unit('unit-c', '区民政局', q3([7, 8, 9], true), 1)];
  const draft = draftQuarterlyBulletin({
    scopeName: '龙岗区',
    year: 2026,
    quarter: 3,
    units,
    candidates: [candidate({}), candidate({ recordId: 'rec-2', unitId: 'unit-b', unitName: '区财政局', contentAreas: ['workStyle'], participants: 4, kind: 'monthlyVisit' })],
  });

  it('reports each unit’s compliance, the good practices, the units to praise and the units behind', () => {
    expect(draft.title).toBe('龙岗区2026年第三季度结对共建督办检查通报');
    expect(draft.compliance.map((row) => [row.unitName, row.months, row.quarter, row.compliant])).toEqual([
      ['区财政局', ['done', 'missing', 'done'], 'missing', false],
      ['区教育局', ['done', 'done', 'done'], 'done', true],
      ['区民政局', ['done', 'done', 'done'], 'done', true],
    ]);
    expect(draft.goodPractices.map((practice) => practice.recordId)).toEqual(['rec-1', 'rec-2']);
    expect(draft.praised.map((mention) => [mention.unitName, mention.reason])).toEqual([
      ['区教育局', '按时完成到访和联合活动，工作做法被列为好的做法'],
      ['区民政局', '按时完成到访和联合活动，取得共建成果'],
    ]);
    expect(draft.behind).toEqual([{ unitId: 'unit-b', unitName: '区财政局', reason: '8月未到访；本季度联合活动未开展' }]);
    // 8 of 9 months, 2 of 3 activities.
    expect(draft.stats).toEqual({ units: 3, compliant: 2, monthRate: 0.89, quarterRate: 0.67 });
    expect(draft.summary).toContain('到访完成率89%，联合活动完成率67%');
  });

  it('lets the office rewrite texts and trim lists, never add to them', () => {
    const edit = { ...editOf(draft), title: '第三季度通报', praisedUnitIds: ['unit-c'] };
    expect(editProblems(draft, edit)).toEqual([]);
    expect(applyEdit(draft, edit).praised.map((mention) => mention.unitId)).toEqual(['unit-c']);
    expect(editProblems(draft, { ...edit, behindUnitIds: ['unit-a'] })).toEqual([{ field: 'behindUnitIds', message: '需整改的单位只能从根据数据生成的名单中选择' }]);
  });

  it('refuses to publish before the quarter has ended (China time)', () => {
    expect(publishProblem(2026, 3, chinaInstant(2026, 9, 30, 23, 59))).toBe('2026年第三季度尚未结束，结束后才能发布通报');
    expect(publishProblem(2026, 3, chinaInstant(2026, 10, 1))).toBeUndefined();
  });
});
