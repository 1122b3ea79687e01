import type { SurveyForm } from '../../src/domain/surveys/form';
import { defaultForm } from '../../src/domain/surveys/form';
import { DEFAULT_WEIGHTS, evaluationPoints, groupScore, itemScore, meanPoints, weightsProblem } from '../../src/domain/surveys/points';
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

describe('golden: evaluation points are exact and rounded half-up at the end', () => {
  const six = defaultForm();
  // 4 party and mass representatives × 6 items: 15 satisfied, 6 basic, 3 dissatisfied: (15 + 6 × 0.6) ÷ 24 = 0.775 exactly.
  const partyMass775: GroupTally = {
    group: 'partyMass',
    responses: 4,
    counts: { visits: counts(3, 1, 0), jointActivities: counts(2, 1, 1), partyMassHelp: counts(4, 0, 0), employeeCare: counts(1, 2, 1), practicalProblems: counts(2, 2, 0), workStyle: counts(3, 0, 1) },
  };
  // 6 employee representatives × 6 items: 18 satisfied, 15 basic, 3 dissatisfied: (18 + 15 × 0.6) ÷ 36 = 0.75 exactly.
  const employees75: GroupTally = {
    group: 'employees',
    responses: 6,
    counts: { visits: counts(0, 3, 3), jointActivities: counts(2, 4, 0), partyMassHelp: counts(5, 1, 0), employeeCare: counts(3, 3, 0), practicalProblems: counts(2, 4, 0), workStyle: counts(6, 0, 0) },
  };

  it('10 × (40 × 0.775 + 40 × 0.75) ÷ 80 = 7.625 → 7.63 (floating-point sums gave 7.62)', () => {
    expect(groupScore(six, partyMass775)).toBeCloseTo(0.775, 12);
    expect(groupScore(six, employees75)).toBeCloseTo(0.75, 12);
    expect(evaluationPoints(six, [partyMass775, employees75]).points).toBe(7.63);
    expect(evaluationPoints(six, [employees75, partyMass775]).points).toBe(7.63);
  });

  it('rounds a half up in other places too, and only once', () => {
    // One item, 8 answers: 0.775 alone → 10 × 0.775 = 7.75 exactly.
    const one: SurveyForm = { version: 1, items: [{ id: 'visits', title: '到访指导' }] };
    expect(evaluationPoints(one, [{ group: 'owner', responses: 8, counts: { visits: counts(5, 2, 1) } }]).points).toBe(7.75);
    // 10 × (40 × 0.6 + 40 × 1) ÷ 80 = 8 (the README's example).
    expect(evaluationPoints(one, [{ group: 'partyMass', responses: 2, counts: { visits: counts(0, 2, 0) } }, { group: 'employees', responses: 3, counts: { visits: counts(3, 0, 0) } }]).points).toBe(8);
    // Weights 50 : 50 : 0: 10 × (50 × 0.775 + 50 × 0.6) ÷ 100 = 6.875 → 6.88.
    expect(evaluationPoints(one, [{ group: 'partyMass', responses: 8, counts: { visits: counts(5, 2, 1) } }, { group: 'employees', responses: 1, counts: { visits: counts(0, 1, 0) } }], { partyMass: 50, employees: 50, owner: 0 }).points).toBe(6.88);
    // maxPoints 20: 20 × 0.775 = 15.5; 20 × (40 × 0.775 + 40 × 0.75) ÷ 80 = 15.25.
    expect(evaluationPoints(one, [{ group: 'owner', responses: 8, counts: { visits: counts(5, 2, 1) } }], DEFAULT_WEIGHTS, 20).points).toBe(15.5);
    expect(evaluationPoints(six, [partyMass775, employees75], DEFAULT_WEIGHTS, 20).points).toBe(15.25);
  });

  it('scales the other weights up when a group is missing, exactly', () => {
    // Employees missing: 10 × (40 × 0.775 + 20 × 0.75) ÷ 60 = 10 × 46 ÷ 60 = 7.666… → 7.67.
    const owner75: GroupTally = { ...employees75, group: 'owner' };
    expect(evaluationPoints(six, [partyMass775, owner75]).points).toBe(7.67);
    // Party and mass missing: 10 × (40 × 0.75 + 20 × 0.775) ÷ 60 = 10 × 45.5 ÷ 60 = 7.58333… → 7.58.
    const owner775: GroupTally = { ...partyMass775, group: 'owner' };
    expect(evaluationPoints(six, [employees75, owner775]).points).toBe(7.58);
    // Weights 1 : 3 : 50 with the owner (50) not answering: 10 × (1 × 0.775 + 3 × 0.75) ÷ 4 = 7.5625 → 7.56.
    expect(evaluationPoints(six, [partyMass775, employees75], { partyMass: 1, employees: 3, owner: 50 }).points).toBe(7.56);
  });
});

describe('golden: a unit with several results for one round kind gets their mean, rounded half-up once', () => {
  it('averages in whole hundredths', () => {
    expect(meanPoints([7.63, 7.62])).toBe(7.63);
    expect(meanPoints([8.01, 8.02, 8.02])).toBe(8.02);
    expect(meanPoints([0.1, 0.2])).toBe(0.15);
    // (0 + 1.13) ÷ 2 = 0.565 → 0.57 (floating point gave 0.56).
    expect(meanPoints([0, 1.13])).toBe(0.57);
    expect(meanPoints([9.99])).toBe(9.99);
    expect(meanPoints([])).toBeNull();
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
