import type { SurveyForm } from '../../src/domain/surveys/form';
import { DEFAULT_WEIGHTS, evaluationPoints, groupScore, itemScore, weightsProblem } from '../../src/domain/surveys/points';
import type { GroupTally } from '../../src/domain/surveys/points';
import { commentsVisible, groupVisibility, MIN_GROUP_SIZE, pointsVisible } from '../../src/domain/surveys/visibility';

const form: SurveyForm = { version: 3, items: [{ id: 'visits', title: '到访指导' }, { id: 'workStyle', title: '工作作风' }] };
const counts = (satisfied: number, basic: number, dissatisfied: number) => ({ satisfied, basic, dissatisfied });

const partyMass: GroupTally = { group: 'partyMass', responses: 3, counts: { visits: counts(2, 1, 0), workStyle: counts(1, 1, 1) } };
const owner: GroupTally = { group: 'owner', responses: 1, counts: { visits: counts(1, 0, 0), workStyle: counts(0, 1, 0) } };

describe('the conversion formula (评议结果转化为积分)', () => {
  it('scores a group as the mean value of its answers: 满意 1, 基本满意 0.6, 不满意 0', () => {
    // visits 2×1 + 1×0.6 = 2.6; workStyle 1 + 0.6 + 0 = 1.6; (2.6 + 1.6) / 6 values = 0.7
    expect(groupScore(form, partyMass)).toBeCloseTo(0.7, 10);
    expect(groupScore(form, owner)).toBeCloseTo(0.8, 10);
    expect(itemScore(counts(2, 1, 0))).toBeCloseTo(2.6 / 3, 10);
    expect(itemScore(counts(0, 0, 0))).toBeNull();
  });

  it('weights the groups that answered and rescales when one is empty (hand-computed)', () => {
    // employees answered nobody: 10 × (40×0.7 + 20×0.8) / (40 + 20) = 10 × 44/60 = 7.333… → 7.33
    const result = evaluationPoints(form, [partyMass, owner]);
    expect(result.points).toBe(7.33);
    expect(result.maxPoints).toBe(10);
    expect(result.groups).toEqual([
      { group: 'partyMass', responses: 3, weight: 40, counted: true },
      { group: 'employees', responses: 0, weight: 40, counted: false },
      { group: 'owner', responses: 1, weight: 20, counted: true },
    ]);
  });

  it('gives every group its weight when all answered', () => {
    const employees: GroupTally = { group: 'employees', responses: 4, counts: { visits: counts(4, 0, 0), workStyle: counts(0, 0, 4) } };
    // employees (4 + 0) / 8 = 0.5; 10 × (40×0.7 + 40×0.5 + 20×0.8) / 100 = 10 × 64/100 = 6.4
    expect(evaluationPoints(form, [owner, employees, partyMass]).points).toBe(6.4);
    // all satisfied → full marks; all dissatisfied → 0
    const allGood: GroupTally = { group: 'employees', responses: 2, counts: { visits: counts(2, 0, 0), workStyle: counts(2, 0, 0) } };
    const allBad: GroupTally = { group: 'employees', responses: 2, counts: { visits: counts(0, 0, 2), workStyle: counts(0, 0, 2) } };
    expect(evaluationPoints(form, [allGood]).points).toBe(10);
    expect(evaluationPoints(form, [allBad]).points).toBe(0);
  });

  it('uses the round’s own weights and maximum', () => {
    // owner weight 0: only partyMass counts → 20 × 0.7 = 14
    expect(evaluationPoints(form, [partyMass, owner], { partyMass: 50, employees: 50, owner: 0 }, 20).points).toBe(14);
  });

  it('gives no points (null, not zero) when nobody answered, and ignores empty tallies', () => {
    expect(evaluationPoints(form, []).points).toBeNull();
    expect(evaluationPoints(form, [{ group: 'employees', responses: 0, counts: {} }]).points).toBeNull();
    expect(groupScore(form, { responses: 0, counts: {} })).toBeNull();
  });

  it('counts the business owner even alone (points), though the owner is never shown', () => {
    expect(evaluationPoints(form, [owner]).points).toBe(8);
    expect(groupVisibility('owner', 1, 'closed')).toEqual({ shown: false, reason: 'neverAlone' });
    expect(groupVisibility('owner', 12, 'closed')).toEqual({ shown: false, reason: 'neverAlone' });
  });

  it('states its default weights and refuses unusable ones', () => {
    expect(DEFAULT_WEIGHTS).toEqual({ partyMass: 40, employees: 40, owner: 20 });
    expect(weightsProblem(DEFAULT_WEIGHTS)).toBeUndefined();
    expect(weightsProblem({ partyMass: 0, employees: 0, owner: 0 })).toBe('至少要有一个分组的权重大于 0');
    expect(weightsProblem({ partyMass: 101, employees: 0, owner: 0 })).toBe('权重应为 0 到 100 的整数');
    expect(weightsProblem({ partyMass: 1.5, employees: 0, owner: 0 })).toBe('权重应为 0 到 100 的整数');
  });
});

describe('the minimum group size for showing results (N = 3)', () => {
  it('shows a group from three answers, only once the round has closed', () => {
    expect(MIN_GROUP_SIZE).toBe(3);
    expect(groupVisibility('employees', 2, 'closed')).toEqual({ shown: false, reason: 'belowThreshold' });
    expect(groupVisibility('employees', 3, 'closed')).toEqual({ shown: true });
    expect(groupVisibility('partyMass', 30, 'open')).toEqual({ shown: false, reason: 'roundOpen' });
    expect(groupVisibility('partyMass', 0, 'closed')).toEqual({ shown: false, reason: 'noResponses' });
  });

  it('never goes below three, even if a round asks for less', () => {
    expect(groupVisibility('employees', 2, 'closed', 1)).toEqual({ shown: false, reason: 'belowThreshold' });
    expect(groupVisibility('employees', 4, 'closed', 5)).toEqual({ shown: false, reason: 'belowThreshold' });
    expect(groupVisibility('employees', 5, 'closed', 5)).toEqual({ shown: true });
  });

  it('shows comments from three answers in all, after the round, and points after the round', () => {
    expect(commentsVisible(2, 'closed')).toBe(false);
    expect(commentsVisible(3, 'closed')).toBe(true);
    expect(commentsVisible(50, 'open')).toBe(false);
    expect(pointsVisible('open')).toBe(false);
    expect(pointsVisible('closed')).toBe(true);
  });
});
