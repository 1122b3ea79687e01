import { computeUnitPoints } from '../../src/domain/points/engine';
import { claimableRules, compareWithComputed, selfAssessmentProblems } from '../../src/domain/points/selfAssessment';
import { timelineFor } from '../../src/domain/points/versions';
import { chinaInstant } from '../../src/domain/time/chinaTime';
import { record, ruleSet, visits, wholeYear } from './pointsFixtures';

const timeline = timelineFor(2026, [ruleSet()], null);
const window = { deadline: '2027-01-15', yearClosed: false, today: '2026-12-20' };

describe('the self-assessment', () => {
  it('knows the range each rule allows in a year', () => {
    const rules = new Map(claimableRules(timeline).map((rule) => [rule.ruleKey, rule]));
    expect(rules.get('monthlyVisit')).toMatchObject({ min: 0, max: 20 });
    expect(rules.get('evaluation.midYear')).toMatchObject({ min: 0, max: 10 });
    expect(rules.get('deduction.month')).toMatchObject({ min: -6, max: 0, deduction: true });
  });

  it('accepts claims within the rules before the deadline', () => {
    expect(selfAssessmentProblems({ items: [{ ruleKey: 'monthlyVisit', claimed: 20 }, { ruleKey: 'deduction.month', claimed: -2 }], remarks: '' }, timeline, window)).toEqual([]);
  });

  it('refuses points outside the rules, one clear message per item', () => {
    const problems = selfAssessmentProblems(
      {
        items: [
          { ruleKey: 'monthlyVisit', claimed: 24 },
          { ruleKey: 'deduction.month', claimed: 2 },
          { ruleKey: 'openDay', claimed: -1 },
          { ruleKey: 'inventedRule', claimed: 5 },
          { ruleKey: 'monthlyVisit', claimed: 2 },
        ],
        remarks: '',
      },
      timeline,
      window,
    );
    expect(problems).toEqual([
      { field: 'items.0.claimed', message: '“一月一到访”全年最多 20 分，自评 24 分超出积分规则' },
      { field: 'items.1.claimed', message: '“扣分：缺一月到访”是扣分项，自评分应为 0 或负数' },
      { field: 'items.2.claimed', message: '“党员阵地开放日”的自评分不能为负数' },
      { field: 'items.3.ruleKey', message: '积分表中没有“inventedRule”这一项' },
      { field: 'items.4.ruleKey', message: '“一月一到访”填写了两次' },
    ]);
  });

  it('refuses a claim after the deadline or in a closed year', () => {
    expect(selfAssessmentProblems({ items: [], remarks: '' }, timeline, { ...window, today: '2027-01-16' })).toEqual([{ field: 'deadline', message: '自评已于 2027-01-15 截止，不能再提交' }]);
    expect(selfAssessmentProblems({ items: [], remarks: '' }, timeline, { ...window, yearClosed: true })[0]!.message).toBe('本年度考核已关闭，不能再提交自评');
  });

  it('sets the claim beside the computed points with the differences', () => {
    const computed = computeUnitPoints({
      year: 2026,
      unitId: 'unit-1',
      pairings: [{ ...wholeYear, startDate: '2026-10-01' }],
      records: [...visits([10, 11]), record('quarterlyActivity', '2026-11-05')],
      tags: [],
      evaluations: [],
      timeline,
      now: chinaInstant(2026, 12, 20),
    });
    // Computed: visits 4, quarterly 5 → 9 (December still open).
    const comparison = compareWithComputed({ items: [{ ruleKey: 'monthlyVisit', claimed: 6, remark: '12月已走访，待确认' }, { ruleKey: 'quarterlyActivity', claimed: 5 }], remarks: '' }, computed, timeline);
    expect(comparison.rows).toEqual([
      { ruleKey: 'monthlyVisit', label: '一月一到访', claimed: 6, computed: 4, difference: 2, remark: '12月已走访，待确认' },
      { ruleKey: 'quarterlyActivity', label: '一季一活动（联合活动）', claimed: 5, computed: 5, difference: 0 },
    ]);
    expect(comparison).toMatchObject({ claimedTotal: 11, computedTotal: 9, difference: 2 });
  });
});
