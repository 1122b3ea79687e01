import { defaultRuleSet } from '../../src/domain/points/defaultRules';
import type { PointRule } from '../../src/domain/points/rules';
import { ruleSetProblems } from '../../src/domain/points/validateRules';
import { timelineFor, versionOn } from '../../src/domain/points/versions';
import { goldenRules, ruleSet } from './pointsFixtures';

const open = { today: '2026-06-10', yearClosed: false };
const draft = (rules: PointRule[], overrides = {}) => ({ ...ruleSet({ effectiveFrom: '2026-07-01', rules }), ...overrides });
const messages = (problems: ReturnType<typeof ruleSetProblems>) => problems.map((problem) => problem.message);

describe('rule set validation', () => {
  it('accepts the default and the golden rule set from today on', () => {
    expect(ruleSetProblems({ ...defaultRuleSet(2026), effectiveFrom: '2026-06-10' }, open)).toEqual([]);
    expect(ruleSetProblems(draft(goldenRules), open)).toEqual([]);
  });

  it('refuses overlapping caps: the same item twice, an item cap above the year cap, a cap below one item', () => {
    const twice = draft([...goldenRules, { target: { type: 'cadence', kind: 'monthlyVisit' }, points: 3, cap: 30 }]);
    expect(ruleSetProblems(twice, open)).toEqual([{ field: 'rules.12', message: '“一月一到访”与第 1 条规则重复：同一项目只能有一条规则、一个上限' }]);
    const aboveYear = draft(goldenRules, { yearCap: 15 });
    expect(messages(ruleSetProblems(aboveYear, open))).toContain('“一月一到访”的上限（20）超过全年上限（15），两个上限重叠矛盾');
    const belowItem = draft([{ target: { type: 'record', kind: 'openDay' }, points: 4, cap: 3 }]);
    expect(ruleSetProblems(belowItem, open)).toEqual([{ field: 'rules.0.cap', message: '“党员阵地开放日”的上限（3）小于单项分值（4），与分值重叠矛盾' }]);
  });

  it('refuses negative points and caps with a clear message each', () => {
    const negative = draft([
      { target: { type: 'cadence', kind: 'monthlyVisit' }, points: -2, cap: 20 },
      { target: { type: 'deduction', period: 'month' }, points: 2, cap: -6 },
      { target: { type: 'cadence', kind: 'quarterlyActivity' }, points: 5, latePoints: 6, cap: 20 },
    ]);
    expect(ruleSetProblems(negative, open)).toEqual([
      { field: 'rules.0.points', message: '“一月一到访”的分值不能为负数' },
      { field: 'rules.1.cap', message: '“扣分：缺一月到访”的上限不能为负数' },
      { field: 'rules.2.latePoints', message: '“一季一活动（联合活动）”的迟报分值不能高于按时完成的分值' },
    ]);
    expect(messages(ruleSetProblems(draft(goldenRules, { yearCap: -1 }), open))).toEqual(['全年积分上限不能为负数']);
  });

  it('refuses an effective date in a closed or ended year, or before today', () => {
    expect(messages(ruleSetProblems(draft(goldenRules), { ...open, yearClosed: true }))).toEqual(['2026年度的考核已关闭，不能再修改积分规则']);
    expect(messages(ruleSetProblems({ ...ruleSet({ year: 2025, effectiveFrom: '2025-12-01' }) }, open))[0]).toBe('2025年度已结束，不能再修改积分规则');
    expect(messages(ruleSetProblems(draft(goldenRules, { effectiveFrom: '2026-06-01' }), open))).toEqual(['生效日期不能早于今天（2026-06-10）：已获得的积分按当时的规则计算，规则不能追溯']);
    expect(messages(ruleSetProblems(draft(goldenRules, { effectiveFrom: '2027-01-01' }), open))).toEqual(['生效日期须在2026年内']);
  });

  it('refuses an achievement without a name or outside the nine content areas', () => {
    const bad = draft([{ target: { type: 'achievement', achievement: 'x1', label: ' ', contentArea: 'nowhere' as never }, points: 2, cap: 4 }]);
    expect(messages(ruleSetProblems(bad, open))).toEqual(['第 1 条规则请填写成果名称', '第 1 条规则的共建内容不在通知规定的九项之内']);
  });
});

describe('rule versions', () => {
  it('applies the built-in default until the first saved version takes effect', () => {
    const timeline = timelineFor(2026, [ruleSet({ effectiveFrom: '2026-07-01' })], null);
    expect(versionOn(timeline, '2026-06-30').version).toBe(0);
    expect(versionOn(timeline, '2026-07-01').version).toBe(1);
    expect(versionOn(timeline, '2027-01-15').version).toBe(1);
  });

  it('ignores other years and other streets', () => {
    const sets = [ruleSet({ year: 2025, effectiveFrom: '2025-01-01' }), ruleSet({ scope: { kind: 'street', streetId: 'street-2' }, effectiveFrom: '2026-03-01' })];
    expect(timelineFor(2026, sets, 'street-1').versions.map((set) => set.version)).toEqual([0]);
    expect(timelineFor(2026, sets, 'street-2').versions.map((set) => set.version)).toEqual([0, 1]);
  });
});
