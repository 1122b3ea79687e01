import { defaultRuleSet } from '../../src/domain/points/defaultRules';
import type { UnitPointsInput } from '../../src/domain/points/engine';
import { computeUnitPoints } from '../../src/domain/points/engine';
import type { PointsPairing, PointsRecord } from '../../src/domain/points/inputs';
import type { RuleSet } from '../../src/domain/points/rules';
import { timelineFor } from '../../src/domain/points/versions';
import { chinaInstant } from '../../src/domain/time/chinaTime';
import { evaluation, goldenRules, record, ruleSet, tag, visits, wholeYear } from './pointsFixtures';

/**
 * Golden cases of the points engine, each computed by hand in the comments. The golden rule set:
 * visit 2 (late 1, cap 20), quarterly activity 5 (late 3, cap 20), summary 8, open day 4 (cap 4),
 * festival visit 3 (cap 6), other work 1 (cap 2), research report 5 (cap 5), evaluation ≤10 a round,
 * deductions: month 2 (cap 6), quarter 3 (cap 6), summary 5; year cap 100; late after 10 days.
 */
function compute(records: PointsRecord[], options: Partial<UnitPointsInput> & { sets?: RuleSet[] } = {}) {
  const { sets = [ruleSet()], ...rest } = options;
  return computeUnitPoints({
    year: 2026,
    unitId: 'unit-1',
    pairings: [wholeYear],
    records,
    tags: [],
    evaluations: [],
    timeline: timelineFor(2026, sets, null),
    now: chinaInstant(2027, 1, 5),
    ...rest,
  });
}

const pointsOf = (result: ReturnType<typeof compute>, key: string) => result.lines.filter((line) => line.ruleKey === key).map((line) => line.points);

describe('caps', () => {
  it('clips every item at its yearly cap, in date order, and says which cap', () => {
    const all = [
      ...visits([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]),
      ...['2026-03-15', '2026-06-15', '2026-09-15', '2026-12-01'].map((date) => record('quarterlyActivity', date)),
      record('annualSummary', '2026-12-20'),
      ...['2026-02-01', '2026-05-01', '2026-08-01'].map((date) => record('otherWork', date)),
      ...['2026-04-01', '2026-10-01'].map((date) => record('openDay', date)),
      ...['2026-01-25', '2026-07-01'].map((date) => record('festivalVisit', date)),
    ];
    const reports = [record('otherWork', '2026-03-03', { contentAreas: ['practicalProblems'] }), record('otherWork', '2026-11-03', { contentAreas: ['practicalProblems'] })];
    const result = compute([...all, ...reports], { tags: reports.map((report) => tag(report.id)) });
    // Visits: 12 × 2 = 24, cap 20 → January–October earn 2 each, November and December 0.
    expect(pointsOf(result, 'monthlyVisit')).toEqual([2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 0, 0]);
    const november = result.lines.find((line) => line.ruleKey === 'monthlyVisit' && line.date === '2026-11-10')!;
    expect(november.cap).toEqual({ by: 'item', limit: 20 });
    expect(november.note).toContain('本项全年上限 20 分，已计 20 分，本条计 0 分');
    // Quarterly 4 × 5 = 20 (exactly the cap), summary 8.
    expect(pointsOf(result, 'quarterlyActivity')).toEqual([5, 5, 5, 5]);
    // Other work: five records (three plain, two reports) at 1, cap 2 → February and March earn, the rest 0.
    expect(pointsOf(result, 'otherWork')).toEqual([1, 1, 0, 0, 0]);
    expect(pointsOf(result, 'openDay')).toEqual([4, 0]);
    expect(pointsOf(result, 'festivalVisit')).toEqual([3, 3]);
    // Two research reports at 5, cap 5.
    expect(pointsOf(result, 'achievement.researchReport')).toEqual([5, 0]);
    // 20 + 20 + 8 + 2 + 4 + 6 + 5 = 65
    expect(result.totals).toMatchObject({ earned: 65, deducted: 0, total: 65 });
    expect(result.totals.byRule).toMatchObject({ monthlyVisit: 20, quarterlyActivity: 20, annualSummary: 8, otherWork: 2, openDay: 4, festivalVisit: 6, 'achievement.researchReport': 5 });
  });

  it('clips at the year cap once the year total is reached, whatever the item', () => {
    const records = [...visits([1, 2, 3, 4, 5, 6, 7]), record('quarterlyActivity', '2026-03-20'), record('quarterlyActivity', '2026-06-20')];
    // By 20 June: 6 × 2 + 2 × 5 = 22; midyear evaluation of 9 on 5 July → 31 > 30 → 8; July's visit → 0.
    const result = compute(records, { sets: [ruleSet({ yearCap: 30 })], evaluations: [evaluation({ points: 9 })], now: chinaInstant(2026, 7, 31, 12) });
    expect(pointsOf(result, 'evaluation.midYear')).toEqual([8]);
    expect(result.lines.find((line) => line.ruleKey === 'evaluation.midYear')!.cap).toEqual({ by: 'year', limit: 30 });
    expect(result.lines.find((line) => line.date === '2026-07-10')).toMatchObject({ points: 0, cap: { by: 'year', limit: 30 } });
    expect(result.totals.total).toBe(30);
  });

  it('never credits an achievement whose content area the record does not cover', () => {
    const plain = record('otherWork', '2026-03-03', { contentAreas: ['careForMembers'] });
    const result = compute([plain], { tags: [tag(plain.id)] });
    expect(result.lines.find((line) => line.ruleKey === 'achievement.researchReport')).toMatchObject({ points: 0, note: '记录未涉及该成果所属的共建内容，不计分' });
  });
});

describe('deductions', () => {
  it('takes points off for each missed month and quarter, never for a month waiting for confirmation', () => {
    // At 1 July: visits confirmed in January, February and April; June's is only submitted; March and May have nothing.
    const records = [...visits([1, 2, 4]), record('monthlyVisit', '2026-06-10', { state: 'submitted' }), record('quarterlyActivity', '2026-03-20')];
    const result = compute(records, { now: chinaInstant(2026, 7, 1) });
    // Earned 3 × 2 + 5 = 11; March −2, May −2, second quarter −3 → total 4.
    expect(result.lines.filter((line) => line.points < 0).map((line) => [line.source.type === 'period' ? line.source.periodKey : '', line.points])).toEqual([
      ['2026-03', -2],
      ['2026-05', -2],
      ['2026-Q2', -3],
    ]);
    expect(result.totals).toMatchObject({ earned: 11, deducted: -7, total: 4 });
    expect(result.calendar.months[5]!.status).toBe('pending');
    expect(result.pending).toHaveLength(1);
  });

  it('stops each deduction at its cap', () => {
    // Nothing at all, year over: 12 months × 2 = 24 → cap 6; 4 quarters × 3 = 12 → cap 6; summary 5 → −17.
    const result = compute([], { now: chinaInstant(2027, 1, 1) });
    expect(result.totals).toMatchObject({ earned: 0, deducted: -17, total: -17 });
    expect(pointsOf(result, 'deduction.month')).toEqual([-2, -2, -2, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(result.lines.find((line) => line.ruleKey === 'deduction.month' && line.date === '2026-04-30')!.note).toContain('本项扣分全年最多 6 分');
  });

  it('does not deduct the months outside the pairing term', () => {
    const fromMay: PointsPairing = { ...wholeYear, startDate: '2026-05-10' };
    const result = compute(visits([5, 6]), { pairings: [fromMay], now: chinaInstant(2026, 7, 1) });
    expect(result.calendar.months.slice(0, 4).every((entry) => entry.status === 'notRequired')).toBe(true);
    // May and June visits 4; the second quarter has no joint activity → −3.
    expect(result.totals).toMatchObject({ earned: 4, deducted: -3, total: 1 });
  });
});

describe('revisions and disputes', () => {
  it('counts only confirmed records; disputed and revised ones wait apart; drafts count for nothing', () => {
    const records = [
      record('monthlyVisit', '2026-01-10'),
      record('monthlyVisit', '2026-02-10', { state: 'disputed' }),
      record('monthlyVisit', '2026-03-10', { state: 'revised' }),
      record('monthlyVisit', '2026-04-10'),
      record('monthlyVisit', '2026-04-20'),
      record('otherWork', '2026-01-15', { state: 'draft' }),
    ];
    const result = compute(records, { now: chinaInstant(2026, 5, 1) });
    // January 2 and April 2 (April's second visit earns nothing: once per period); February and March
    // wait (no deduction); the first quarter has no joint activity → −3. Total 1.
    expect(pointsOf(result, 'monthlyVisit')).toEqual([2, 2, 0]);
    expect(result.lines.find((line) => line.date === '2026-04-20')!.note).toBe('同一周期已有记录计分，每期只计一次');
    expect(result.totals).toMatchObject({ earned: 4, deducted: -3, total: 1 });
    expect(result.pending.map((line) => [line.source.type === 'record' ? line.source.date : '', line.state])).toEqual([
      ['2026-02-10', 'disputed'],
      ['2026-03-10', 'revised'],
    ]);
    expect(result.calendar.months.slice(0, 4).map((entry) => entry.status)).toEqual(['done', 'pending', 'pending', 'done']);
  });

  it('earns once the revision is confirmed again', () => {
    const revised = record('monthlyVisit', '2026-03-10', { state: 'revised' });
    const fromMarch = [{ ...wholeYear, startDate: '2026-03-01' }];
    expect(compute([revised], { pairings: fromMarch, now: chinaInstant(2026, 3, 20) }).totals.total).toBe(0);
    expect(compute([{ ...revised, state: 'confirmed' }], { pairings: fromMarch, now: chinaInstant(2026, 3, 20) }).totals.total).toBe(2);
  });
});

describe('evaluation points', () => {
  it('credits closed rounds, clipped per round; open rounds and other years wait or are ignored', () => {
    const results = [
      evaluation({ roundId: 'mid', kind: 'midYear', points: 8.5, closedAt: new Date('2026-07-05T02:00:00Z') }),
      evaluation({ roundId: 'end', kind: 'yearEnd', points: 12, closedAt: new Date('2027-01-10T02:00:00Z') }),
      evaluation({ roundId: 'old', kind: 'yearEnd', year: 2025, points: 9, closedAt: new Date('2026-01-10T02:00:00Z') }),
      evaluation({ roundId: 'other-unit', unitId: 'unit-2', points: 9 }),
    ];
    const atYearEnd = compute([], { evaluations: results, now: chinaInstant(2027, 1, 5), sets: [ruleSet({ rules: goldenRules.filter((rule) => rule.target.type !== 'deduction') })] });
    expect(pointsOf(atYearEnd, 'evaluation.midYear')).toEqual([8.5]);
    expect(pointsOf(atYearEnd, 'evaluation.yearEnd')).toEqual([]);
    expect(atYearEnd.pending.map((line) => line.note)).toEqual(['年终评议尚未结束，结束后计分']);
    const after = compute([], { evaluations: results, now: chinaInstant(2027, 1, 20), sets: [ruleSet({ rules: goldenRules.filter((rule) => rule.target.type !== 'deduction') })] });
    // 8.5 + min(12, 10) = 18.5
    expect(pointsOf(after, 'evaluation.yearEnd')).toEqual([10]);
    expect(after.lines.find((line) => line.ruleKey === 'evaluation.yearEnd')!.note).toBe('评议结果 12 分，超过每轮最高 10 分，按最高分计');
    expect(after.totals).toMatchObject({ evaluation: 18.5, total: 18.5 });
  });
});

describe('a rule change mid-year', () => {
  const second = ruleSet({
    version: 2,
    effectiveFrom: '2026-07-01',
    rules: goldenRules
      .filter((rule) => !(rule.target.type === 'record' && rule.target.kind === 'otherWork'))
      .map((rule) => {
        if (rule.target.type === 'cadence' && rule.target.kind === 'monthlyVisit') return { ...rule, points: 3, cap: 30 };
        if (rule.target.type === 'deduction' && rule.target.period === 'month') return { ...rule, points: 4, cap: 8 };
        return rule;
      }),
  });

  it('keeps earlier points under the rules they were earned under', () => {
    const records = [
      ...visits([1, 3, 4, 5, 6, 7, 8, 10, 11, 12]),
      ...['2026-03-15', '2026-06-15', '2026-09-15', '2026-12-01'].map((date) => record('quarterlyActivity', date)),
      record('annualSummary', '2026-12-20'),
      record('otherWork', '2026-03-03'),
      record('otherWork', '2026-08-03'),
    ];
    const result = compute(records, { sets: [ruleSet(), second] });
    // v1 visits (Jan, Mar–Jun) 5 × 2 = 10; v2 visits (Jul, Aug, Oct–Dec) 5 × 3 = 15 → 25.
    expect(result.lines.filter((line) => line.ruleKey === 'monthlyVisit').map((line) => [line.date.slice(5, 7), line.version, line.points])).toEqual([
      ['01', 1, 2],
      ['03', 1, 2],
      ['04', 1, 2],
      ['05', 1, 2],
      ['06', 1, 2],
      ['07', 2, 3],
      ['08', 2, 3],
      ['10', 2, 3],
      ['11', 2, 3],
      ['12', 2, 3],
    ]);
    // Other work: March under v1 (1), August under v2, which has no such rule (0).
    expect(pointsOf(result, 'otherWork')).toEqual([1, 0]);
    expect(result.lines.find((line) => line.ruleKey === 'otherWork' && line.version === 2)!.note).toBe('区第2版（2026-07-01起）未设此项，不计分');
    // February missed under v1 (−2), September under v2 (−4).
    expect(result.lines.filter((line) => line.ruleKey === 'deduction.month').map((line) => [line.date, line.points])).toEqual([
      ['2026-02-28', -2],
      ['2026-09-30', -4],
    ]);
    // 25 + 20 + 8 + 1 − 6 = 48
    expect(result.totals).toMatchObject({ earned: 54, deducted: -6, total: 48 });
    expect(result.versionsUsed).toEqual([1, 2]);
  });

  it('lets a street version win over the district from its effective date, for the street’s units only', () => {
    const street = ruleSet({ version: 1, effectiveFrom: '2026-07-01', scope: { kind: 'street', streetId: 'street-1' }, rules: goldenRules.map((rule) => (rule.target.type === 'cadence' && rule.target.kind === 'monthlyVisit' ? { ...rule, points: 1 } : rule)) });
    const streetUnit = compute(visits([6, 7]), { timeline: timelineFor(2026, [ruleSet(), street], 'street-1'), now: chinaInstant(2026, 7, 20) });
    expect(pointsOf(streetUnit, 'monthlyVisit')).toEqual([2, 1]);
    const districtUnit = compute(visits([6, 7]), { timeline: timelineFor(2026, [ruleSet(), street], null), now: chinaInstant(2026, 7, 20) });
    expect(pointsOf(districtUnit, 'monthlyVisit')).toEqual([2, 2]);
  });
});

describe('a pairing that changes partner mid-year', () => {
  const first: PointsPairing = { id: 'pairing-a', unitId: 'unit-1', orgName: '华星光电', startDate: '2026-01-01', endDate: '2026-06-15' };
  const next: PointsPairing = { id: 'pairing-b', unitId: 'unit-1', orgName: '宏达精密', startDate: '2026-06-16', endDate: null };

  it('adds up both partners’ records into one year for the unit', () => {
    const records = [
      ...visits([1, 2, 3, 4, 5]),
      record('monthlyVisit', '2026-06-05'),
      ...visits([7, 8, 9, 10], { pairingId: 'pairing-b' }),
      record('quarterlyActivity', '2026-03-20'),
      record('quarterlyActivity', '2026-06-20', { pairingId: 'pairing-b' }),
      record('quarterlyActivity', '2026-08-10', { pairingId: 'pairing-b' }),
      record('annualSummary', '2026-12-20', { pairingId: 'pairing-b' }),
    ];
    const result = compute(records, { pairings: [first, next] });
    // Visits: 10 × 2 = 20; quarters 1–3: 15; summary 8; November and December −4; fourth quarter −3 → 36.
    expect(result.calendar.months.map((entry) => entry.status)).toEqual(['done', 'done', 'done', 'done', 'done', 'done', 'done', 'done', 'done', 'done', 'missing', 'missing']);
    expect(result.calendar.quarters.map((entry) => entry.status)).toEqual(['done', 'done', 'done', 'missing']);
    expect(result.totals).toMatchObject({ earned: 43, deducted: -7, total: 36 });
    expect(new Set(result.lines.flatMap((line) => (line.source.type === 'record' ? [line.source.pairingId] : [])))).toEqual(new Set(['pairing-a', 'pairing-b']));
  });

  it('requires nothing in a gap between partners', () => {
    const ended: PointsPairing = { ...first, endDate: '2026-05-31' };
    const later: PointsPairing = { ...next, startDate: '2026-07-01' };
    const result = compute([...visits([1, 2, 3, 4, 5]), ...visits([7], { pairingId: 'pairing-b' })], { pairings: [ended, later], now: chinaInstant(2026, 8, 1) });
    expect(result.calendar.months[5]!.status).toBe('notRequired');
    expect(result.lines.some((line) => line.source.type === 'period' && line.source.periodKey === '2026-06')).toBe(false);
  });

  it('ignores records of pairings that are not the unit’s', () => {
    const result = compute([record('monthlyVisit', '2026-01-10', { pairingId: 'someone-else' })], { now: chinaInstant(2026, 1, 20) });
    expect(result.lines).toEqual([]);
  });
});

describe('the default rule set', () => {
  it('gives a full year of work and two top evaluations 20 + 24 + 20 + 8 = 72 points', () => {
    const records = [...visits([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]), ...['2026-03-15', '2026-06-15', '2026-09-15', '2026-12-01'].map((date) => record('quarterlyActivity', date)), record('annualSummary', '2026-12-20')];
    const results = [evaluation({ roundId: 'mid', points: 10 }), evaluation({ roundId: 'end', kind: 'yearEnd', points: 10, closedAt: new Date('2026-12-30T02:00:00Z') })];
    const result = compute(records, { sets: [], evaluations: results, timeline: timelineFor(2026, [], null) });
    expect(result.totals.total).toBe(72);
    expect(result.versionsUsed).toEqual([0]);
    expect(defaultRuleSet(2026).rules.length).toBeGreaterThan(10);
  });
});
