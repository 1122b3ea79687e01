import type { CadenceItem, CadenceStatus } from '../../src/domain/cadence/cadence';
import { cadenceStatus } from '../../src/domain/cadence/cadence';
import type { CadenceCalendar, CalendarEntry, CalendarStatus, PeriodInfo } from '../../src/domain/points/calendar';
import { cadenceCalendar, periodsOf, periodValue } from '../../src/domain/points/calendar';
import type { PointsPairing, PointsRecord } from '../../src/domain/points/inputs';
import type { RuleSet } from '../../src/domain/points/rules';
import type { RuleTimeline } from '../../src/domain/points/versions';
import { timelineFor } from '../../src/domain/points/versions';
import type { RecordKind } from '../../src/domain/records/catalog';
import type { RecordState } from '../../src/domain/records/stateMachine';
import { chinaInstant } from '../../src/domain/time/chinaTime';
import { goldenRules, ruleSet } from './pointsFixtures';

/**
 * The calendar sorts each pairing's records into their periods once and scans only a period's bucket.
 * Here it must agree with the calendar built the plain way — every period scanning every record of
 * every pairing with cadenceStatus — on random units, dates that are not quite dates included.
 */

const precedence: readonly CadenceStatus[] = ['done', 'awaitingConfirmation', 'dueSoon', 'open', 'missed', 'notRequired'];
const shown: Record<CadenceStatus, CalendarStatus> = { done: 'done', awaitingConfirmation: 'pending', dueSoon: 'dueSoon', open: 'open', missed: 'missing', notRequired: 'notRequired' };

function plainEntry(item: CadenceItem, info: PeriodInfo, pairings: readonly PointsPairing[], byPairing: ReadonlyMap<string, readonly PointsRecord[]>, timeline: RuleTimeline, now: Date): CalendarEntry {
  const statuses = pairings.map((pairing) => cadenceStatus(item, info.period, byPairing.get(pairing.id) ?? [], pairing, now).status);
  const status = precedence.find((candidate) => statuses.includes(candidate)) ?? 'notRequired';
  const base = { item, period: info.period, key: info.key, dueDate: info.last };
  if (status === 'open') return { ...base, status: now.getTime() < info.startMs ? 'upcoming' : 'open' };
  if (status !== 'done') return { ...base, status: shown[status] };
  let best: { record: PointsRecord; late: boolean; points: number } | undefined;
  for (const pairing of pairings) {
    for (const record of byPairing.get(pairing.id) ?? []) {
      if (record.kind !== item || record.state !== 'confirmed' || record.date < info.first || record.date > info.last) continue;
      const value = periodValue(record, info.last, timeline);
      const better =
        !best ||
        (value.points !== best.points ? value.points > best.points : value.late !== best.late ? !value.late : record.date !== best.record.date ? record.date < best.record.date : record.id < best.record.id);
      if (better) best = { record, ...value };
    }
  }
  return best ? { ...base, status: best.late ? 'late' : 'done', recordId: best.record.id } : { ...base, status: 'done' };
}

function plainCalendar(year: number, pairings: readonly PointsPairing[], byPairing: ReadonlyMap<string, readonly PointsRecord[]>, timeline: RuleTimeline, now: Date): CadenceCalendar {
  const periods = periodsOf(year);
  return {
    months: periods.months.map((info) => plainEntry('monthlyVisit', info, pairings, byPairing, timeline, now)),
    quarters: periods.quarters.map((info) => plainEntry('quarterlyActivity', info, pairings, byPairing, timeline, now)),
    summary: plainEntry('annualSummary', periods.year, pairings, byPairing, timeline, now),
  };
}

/** A small seeded generator (mulberry32): the same units on every run. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const two = (value: number) => String(value).padStart(2, '0');
const kinds: readonly RecordKind[] = ['monthlyVisit', 'monthlyVisit', 'quarterlyActivity', 'quarterlyActivity', 'annualSummary', 'openDay', 'otherWork'];
const states: readonly RecordState[] = ['confirmed', 'confirmed', 'confirmed', 'draft', 'submitted', 'disputed', 'revised'];
/** Texts between or around the periods' bounds that no bucket may wrongly leave out or let in. */
const oddDates = ['2026-01-99', '2026-0a-01', '2026-11', '2026-13-01', '2026-00-15', '2026-', '2026-1', '2025-12-31', '2027-01-01', '2026-12-32', '2026-03-31x', ''];

function randomUnit(random: () => number, index: number) {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const date = () => (random() < 0.1 ? pick(oddDates) : `2026-${two(1 + Math.floor(random() * 12))}-${two(1 + Math.floor(random() * 28))}`);
  const pairings: PointsPairing[] = Array.from({ length: 1 + Math.floor(random() * 3) }, (_, p) => ({
    id: `pairing-${index}-${p}`,
    unitId: `unit-${index}`,
    orgName: '组织',
    startDate: random() < 0.5 ? '2026-01-01' : date(),
    endDate: random() < 0.5 ? null : date(),
  }));
  const records: PointsRecord[] = Array.from({ length: Math.floor(random() * 40) }, (_, r) => {
    const day = date();
    return { id: `r-${Math.floor(random() * 1000)}-${r}`, pairingId: pick(pairings).id, kind: pick(kinds), date: day, state: pick(states), contentAreas: [], recordedOn: random() < 0.3 ? '2027-02-01' : day, paper: random() < 0.1 };
  });
  const byPairing = new Map<string, PointsRecord[]>();
  for (const record of records) byPairing.set(record.pairingId, [...(byPairing.get(record.pairingId) ?? []), record]);
  return { pairings, byPairing };
}

const versions: RuleSet[] = [
  ruleSet({ version: 1, effectiveFrom: '2026-01-01', lateAfterDays: 10 }),
  ruleSet({ version: 2, effectiveFrom: '2026-04-15', lateAfterDays: 3, rules: goldenRules.map((rule) => (rule.latePoints === undefined ? rule : { ...rule, latePoints: rule.points + 1 })) }),
  ruleSet({ version: 3, effectiveFrom: '2026-09-01', lateAfterDays: 30, rules: goldenRules.filter((rule) => rule.target.type !== 'cadence' || rule.target.kind !== 'quarterlyActivity') }),
];

describe('the bucketed cadence calendar', () => {
  it.each([
    ['in May', chinaInstant(2026, 5, 20, 9)],
    ['on 31 December', chinaInstant(2026, 12, 31, 23, 59, 59)],
    ['after the year', chinaInstant(2027, 1, 5, 10)],
  ])('equals the calendar that scans every record for every period (%s)', (_, now) => {
    const random = generator(now.getTime() % 100_000);
    const timeline = timelineFor(2026, versions, null);
    for (let index = 0; index < 300; index += 1) {
      const { pairings, byPairing } = randomUnit(random, index);
      expect(cadenceCalendar(2026, pairings, byPairing, timeline, now)).toEqual(plainCalendar(2026, pairings, byPairing, timeline, now));
    }
  });

  it('finds a record dated at the edge of every period', () => {
    const pairing: PointsPairing = { id: 'p', unitId: 'u', orgName: '组织', startDate: '2026-01-01', endDate: null };
    const edges = periodsOf(2026).quarters.flatMap((info) => [info.first, info.last]);
    const records: PointsRecord[] = edges.map((date, index) => ({ id: `q-${index}`, pairingId: 'p', kind: 'quarterlyActivity', date, state: 'confirmed', contentAreas: [], recordedOn: date, paper: false }));
    const calendar = cadenceCalendar(2026, [pairing], new Map([['p', records]]), timelineFor(2026, [ruleSet()], null), chinaInstant(2027, 1, 5));
    expect(calendar.quarters.map((entry) => entry.recordId)).toEqual(['q-0', 'q-2', 'q-4', 'q-6']);
  });
});
