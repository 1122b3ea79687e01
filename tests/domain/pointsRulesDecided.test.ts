import type { UnitPointsInput } from '../../src/domain/points/engine';
import { computeUnitPoints } from '../../src/domain/points/engine';
import type { PointsPairing, PointsRecord } from '../../src/domain/points/inputs';
import type { PointRule, RuleSet } from '../../src/domain/points/rules';
import { ruleSetProblems } from '../../src/domain/points/validateRules';
import { ruleSources, sourceOn, timelineFor, versionLabel, versionOn } from '../../src/domain/points/versions';
import { endsAtOf } from '../../src/domain/surveys/round';
import { roundDate } from '../../src/domain/surveys/roundDate';
import { chinaInstant } from '../../src/domain/time/chinaTime';
import { evaluation, goldenRules, record, ruleSet, wholeYear } from './pointsFixtures';

/**
 * Golden tests of the points rules decided in issue 12 (README 计算规则), each computed by hand.
 * Golden rule set (version 1, from 1 January): visit 2 (late 1), late after 10 days, ≤10 per evaluation round.
 */
function compute(records: PointsRecord[], sets: RuleSet[], options: Partial<UnitPointsInput> = {}) {
  return computeUnitPoints({
    year: 2026,
    unitId: 'unit-1',
    pairings: [wholeYear],
    records,
    tags: [],
    evaluations: [],
    timeline: timelineFor(2026, sets, null),
    now: chinaInstant(2027, 1, 5),
    ...options,
  });
}

const withRule = (key: string, change: Partial<PointRule>): PointRule[] =>
  goldenRules.map((rule) => ((rule.target.type === 'cadence' && rule.target.kind === key) || (rule.target.type === 'evaluation' && `evaluation.${rule.target.round}` === key) ? { ...rule, ...change } : rule));

const visitLines = (result: ReturnType<typeof compute>) => result.lines.filter((line) => line.ruleKey === 'monthlyVisit').map((line) => [line.date, line.version, line.points]);

describe('a survey round belongs to the China date of its last moment of answering', () => {
  it('dates a round ending "14 July 24:00" on 14 July and scores it under the version in force that day', () => {
    // Version 2 from 15 July gives at most 5 a round; the round's result is 8.
    const sets = [ruleSet(), ruleSet({ version: 2, effectiveFrom: '2026-07-15', rules: withRule('evaluation.midYear', { points: 5 }) })];
    const closedAt = endsAtOf('2026-07-14')!;
    expect(closedAt.toISOString()).toBe('2026-07-14T16:00:00.000Z');
    const result = compute([], sets, { evaluations: [evaluation({ points: 8, closedAt })] });
    const line = result.lines.find((candidate) => candidate.source.type === 'evaluation')!;
    // 14 July is under version 1 (≤10): the round earns its 8, not version 2's 5.
    expect([line.date, line.version, line.points]).toEqual(['2026-07-14', 1, 8]);
  });

  it('dates a round an office ends early on the day it was ended, and a year-end round ending 31 December 24:00 in that year', () => {
    expect(roundDate(chinaInstant(2026, 7, 10, 10, 30))).toBe('2026-07-10');
    expect(roundDate(endsAtOf('2026-12-31')!)).toBe('2026-12-31');
    // The instant 00:00 itself is the first moment of the next day's answering window: a round closed then belongs to the day before.
    expect(roundDate(chinaInstant(2026, 7, 15, 0, 0, 0))).toBe('2026-07-14');
    expect(roundDate(chinaInstant(2026, 7, 15, 0, 0, 1))).toBe('2026-07-15');
  });
});

describe('everything about a record comes from the version in force on its work date', () => {
  // Version 2 from 25 April: visit 3 (late 2) and a grace period of 30 days instead of 10.
  const sets = [ruleSet(), ruleSet({ version: 2, effectiveFrom: '2026-04-25', lateAfterDays: 30, rules: withRule('monthlyVisit', { points: 3, latePoints: 2 }) })];

  it('judges lateness by the grace period of the work date’s version, not the one in force when the period ends', () => {
    // Work on 10 April (version 1: late after 30 April + 10 days = 10 May), written up on 20 May: late, 1 point.
    // (Version 2, in force on 30 April, would have allowed 30 days and given 2.)
    const result = compute([record('monthlyVisit', '2026-04-10', { recordedOn: '2026-05-20' })], sets, { now: chinaInstant(2026, 6, 1) });
    expect(visitLines(result)).toEqual([['2026-04-10', 1, 1]]);
    expect(result.calendar.months[3]!.status).toBe('late');
  });

  it('gives a record dated under the new version its value, late value and grace period', () => {
    // Work on 10 May (version 2), written up on 20 June: 20 days after 31 May, within 30 → on time, 3.
    // Work on 10 June, written up on 15 August: 46 days after 30 June → late under version 2, 2.
    const result = compute([record('monthlyVisit', '2026-05-10', { recordedOn: '2026-06-20' }), record('monthlyVisit', '2026-06-10', { recordedOn: '2026-08-15' })], sets, { now: chinaInstant(2026, 8, 20) });
    expect(visitLines(result)).toEqual([
      ['2026-05-10', 2, 3],
      ['2026-06-10', 2, 2],
    ]);
    expect(result.calendar.months.slice(4, 6).map((entry) => entry.status)).toEqual(['done', 'late']);
  });
});

describe('a street’s own rule version keeps applying to the units it arranges', () => {
  const street = (version: number, effectiveFrom: string, visit: number, extra: Partial<RuleSet> = {}) =>
    ruleSet({ version, effectiveFrom, scope: { kind: 'street', streetId: 'street-1' }, rules: withRule('monthlyVisit', { points: visit }), ...extra });
  const district2 = ruleSet({ version: 2, effectiveFrom: '2026-07-01', rules: withRule('monthlyVisit', { points: 4 }) });
  const monthly = (months: number[]) => months.map((month) => record('monthlyVisit', `2026-${String(month).padStart(2, '0')}-10`));

  it('is not replaced by a later district version', () => {
    const sets = [ruleSet(), street(1, '2026-03-01', 1), district2];
    const timeline = timelineFor(2026, sets, 'street-1');
    const result = compute(monthly([2, 3, 7]), sets, { timeline, now: chinaInstant(2026, 7, 20) });
    // February: district 1 (2); March: street 1 (1); July: still street 1 (1), not district 2 (4).
    expect(visitLines(result)).toEqual([
      ['2026-02-10', 1, 2],
      ['2026-03-10', 1, 1],
      ['2026-07-10', 1, 1],
    ]);
    expect(versionOn(timeline, '2026-12-31').scope).toEqual({ kind: 'street', streetId: 'street-1' });
    expect(timeline.versions.map((set) => `${set.scope.kind}${set.version}`)).toEqual(['district1', 'street1']);
    // A unit the district arranges takes district version 2 from 1 July.
    expect(visitLines(compute(monthly([2, 3, 7]), sets, { now: chinaInstant(2026, 7, 20) })).map((line) => line[2])).toEqual([2, 2, 4]);
  });

  it('gives way to the street’s newer version, or to the district’s once the street follows the district again', () => {
    const sets = [ruleSet(), street(1, '2026-03-01', 1), district2, street(2, '2026-09-01', 1, { followsDistrict: true }), street(3, '2026-11-01', 5)];
    const result = compute(monthly([3, 7, 9, 11]), sets, { timeline: timelineFor(2026, sets, 'street-1'), now: chinaInstant(2026, 11, 20) });
    // March, July: street 1 (1); September: the district's version then in force, 2 (4); November: street 3 (5).
    expect(visitLines(result)).toEqual([
      ['2026-03-10', 1, 1],
      ['2026-07-10', 1, 1],
      ['2026-09-10', 2, 4],
      ['2026-11-10', 3, 5],
    ]);
  });

  it('tells whose rules a street’s units follow from when, and which street version switched them', () => {
    const adopting = street(2, '2026-09-01', 1, { followsDistrict: true });
    const sets = [ruleSet(), street(1, '2026-03-01', 1), district2, adopting, street(3, '2026-11-01', 5)];
    const runs = ruleSources(timelineFor(2026, sets, 'street-1'), sets);
    // District 1 until March; the street's own from 1 March (district 2 in July changes nothing);
    // the district's again from 1 September (by street version 2); the street's version 3 from 1 November.
    expect(runs.map((run) => [run.source, run.from, run.startedBy?.version ?? null])).toEqual([
      ['district', '2026-01-01', null],
      ['street', '2026-03-01', 1],
      ['district', '2026-09-01', 2],
      ['street', '2026-11-01', 3],
    ]);
    expect(sourceOn(runs, '2026-08-31')).toMatchObject({ source: 'street', from: '2026-03-01' });
    expect(sourceOn(runs, '2026-09-01')).toMatchObject({ source: 'district', from: '2026-09-01' });
    expect(versionLabel(adopting)).toBe('街道第2版：采用区的积分规则（2026-09-01起）');
    // A street with no version of its own follows the district all year, even across district versions.
    expect(ruleSources(timelineFor(2026, [ruleSet(), district2], 'street-1'), []).map((run) => [run.source, run.from])).toEqual([['district', '2026-01-01']]);
  });

  it('only lets a street version follow the district; a district version marked so stays the district’s own', () => {
    const marked = ruleSet({ version: 2, effectiveFrom: '2026-07-01', followsDistrict: true, rules: withRule('monthlyVisit', { points: 4 }) });
    expect(ruleSetProblems(marked, { today: '2026-06-10', yearClosed: false }).map((problem) => problem.message)).toEqual(['只有街道的版本可以改为采用区的积分规则']);
    expect(versionOn(timelineFor(2026, [ruleSet(), marked], null), '2026-07-01').version).toBe(2);
  });
});

describe('a period with several confirmed records earns the best of them', () => {
  it('counts an on-time record rather than an earlier late one', () => {
    // March: work on 5 March written up on 30 April (late, 1), work on 20 March written up the next day (on time, 2).
    const late = record('monthlyVisit', '2026-03-05', { recordedOn: '2026-04-30' });
    const onTime = record('monthlyVisit', '2026-03-20', { recordedOn: '2026-03-21' });
    const result = compute([late, onTime], [ruleSet()], { now: chinaInstant(2026, 5, 1) });
    expect(result.calendar.months[2]).toMatchObject({ status: 'done', recordId: onTime.id });
    expect(result.lines.filter((line) => line.ruleKey === 'monthlyVisit').map((line) => [line.source.type === 'record' && line.source.recordId, line.points])).toEqual([
      [late.id, 0],
      [onTime.id, 2],
    ]);
    expect(result.totals.byRule.monthlyVisit).toBe(2);
  });

  it('ties to the earliest', () => {
    const first = record('monthlyVisit', '2026-03-05');
    const second = record('monthlyVisit', '2026-03-20');
    const bothLate = [record('monthlyVisit', '2026-04-08', { recordedOn: '2026-06-01' }), record('monthlyVisit', '2026-04-03', { recordedOn: '2026-06-01' })];
    const result = compute([second, first, ...bothLate], [ruleSet()], { now: chinaInstant(2026, 6, 2) });
    expect(result.calendar.months[2]).toMatchObject({ status: 'done', recordId: first.id });
    expect(result.calendar.months[3]).toMatchObject({ status: 'late', recordId: bothLate[1]!.id });
  });

  it('chooses across the pairings of a partner change in the month', () => {
    const before: PointsPairing = { id: 'pairing-a', unitId: 'unit-1', orgName: '华星光电', startDate: '2026-01-01', endDate: '2026-06-15' };
    const after: PointsPairing = { id: 'pairing-b', unitId: 'unit-1', orgName: '宏达精密', startDate: '2026-06-16', endDate: null };
    const late = record('monthlyVisit', '2026-06-05', { recordedOn: '2026-07-30' });
    const onTime = record('monthlyVisit', '2026-06-20', { pairingId: 'pairing-b' });
    const result = compute([late, onTime], [ruleSet()], { pairings: [before, after], now: chinaInstant(2026, 8, 1) });
    expect(result.calendar.months[5]).toMatchObject({ status: 'done', recordId: onTime.id });
    expect(result.totals.byRule.monthlyVisit).toBe(2);
  });
});
