import type { CadenceItem, CadenceStatus } from '../cadence/cadence';
import { statusIn } from '../cadence/cadence';
import { chinaDateString, parseChinaDate } from '../time/chinaTime';
import type { Period } from '../time/periods';
import { boundsOf, monthsOfYear, periodKey, quartersOfYear } from '../time/periods';
import { periodBuckets, QUARTER_BUCKETS, YEAR_BUCKET } from './calendarBuckets';
import type { PointsPairing, PointsRecord } from './inputs';
import type { PointRule, RuleSet } from './rules';
import type { RuleTimeline } from './versions';
import { ruleIn, versionOn } from './versions';

/**
 * The year's cadence calendar of a unit (一月一到访、一季一活动、一年一总结): 12 months, 4 quarters
 * and 1 summary meeting, each done, late (written up late), missing, or still to come. Built on the
 * cadence rules of src/domain/cadence; a change of partner mid-year merges the pairings' terms.
 */
export type CalendarStatus = 'done' | 'late' | 'missing' | 'pending' | 'open' | 'dueSoon' | 'upcoming' | 'notRequired';

export const calendarStatusLabels: Record<CalendarStatus, string> = {
  done: '已完成',
  late: '迟报',
  missing: '缺失',
  pending: '待组织确认',
  open: '进行中',
  dueSoon: '即将到期',
  upcoming: '未开始',
  notRequired: '不在结对期内',
};

export interface CalendarEntry {
  readonly item: CadenceItem;
  readonly period: Period;
  readonly key: string;
  readonly status: CalendarStatus;
  /** Last day of the period. */
  readonly dueDate: string;
  /** The confirmed record that counts for the period (done or late). */
  readonly recordId?: string;
}

export interface CadenceCalendar {
  readonly months: readonly CalendarEntry[];
  readonly quarters: readonly CalendarEntry[];
  readonly summary: CalendarEntry;
}

/** `YYYY-MM-DD` plus some days. */
export function addDays(date: string, days: number): string {
  const start = parseChinaDate(date);
  if (!start) return date;
  return chinaDateString(start.getTime() + days * 86_400_000 + 12 * 3_600_000);
}

/** A period's bounds as China dates and instants, computed once per year (the calendar runs for every unit). */
export interface PeriodInfo {
  readonly period: Period;
  readonly key: string;
  /** First and last day, `YYYY-MM-DD`. */
  readonly first: string;
  readonly last: string;
  readonly startMs: number;
  readonly endMs: number;
}

const periodTables = new Map<number, { months: PeriodInfo[]; quarters: PeriodInfo[]; year: PeriodInfo }>();

export function periodsOf(year: number): { readonly months: readonly PeriodInfo[]; readonly quarters: readonly PeriodInfo[]; readonly year: PeriodInfo } {
  let table = periodTables.get(year);
  if (!table) {
    const info = (period: Period): PeriodInfo => {
      const { start, end } = boundsOf(period);
      return { period, key: periodKey(period), first: chinaDateString(start), last: chinaDateString(end.getTime() - 1), startMs: start.getTime(), endMs: end.getTime() };
    };
    table = { months: monthsOfYear(year).map(info), quarters: quartersOfYear(year).map(info), year: info({ kind: 'year', year }) };
    periodTables.set(year, table);
  }
  return table;
}

/** Cut-offs by due date, then by days (no key text to build: the calendar asks for every period of every unit). */
const cutoffs = new Map<string, Map<number, string>>();

/** The last day a periodic item may be written up without counting as late. */
function lateCutoff(dueDate: string, days: number): string {
  let ofDate = cutoffs.get(dueDate);
  if (ofDate === undefined) {
    ofDate = new Map();
    cutoffs.set(dueDate, ofDate);
  }
  let cutoff = ofDate.get(days);
  if (cutoff === undefined) {
    cutoff = addDays(dueDate, days);
    ofDate.set(days, cutoff);
  }
  return cutoff;
}

const precedence: readonly CadenceStatus[] = ['done', 'awaitingConfirmation', 'dueSoon', 'open', 'missed', 'notRequired'];
const rankOf: Record<CadenceStatus, number> = { done: 0, awaitingConfirmation: 1, dueSoon: 2, open: 3, missed: 4, notRequired: 5 };

/** What a confirmed record of a periodic item earns for its period before caps, and whether it is late. */
export interface PeriodValue {
  readonly late: boolean;
  readonly points: number;
}

const pointsOf = (rule: PointRule | undefined, late: boolean): number => (rule === undefined ? 0 : late ? (rule.latePoints ?? rule.points) : rule.points);

/**
 * A record's value for its period, all from the version in force on its work date: the points (or the
 * late points) and the grace period that decides lateness. A version without the item gives 0.
 */
export function periodValue(record: PointsRecord, dueDate: string, timeline: RuleTimeline): PeriodValue {
  const version = versionOn(timeline, record.date);
  const late = !record.paper && record.recordedOn > lateCutoff(dueDate, version.lateAfterDays);
  return { late, points: pointsOf(ruleIn(version, record.kind), late) };
}

/** Whether a counted record was written up late: more than its version's days after the period ended (paper records never). */
export function isLate(record: PointsRecord, dueDate: string, timeline: RuleTimeline): boolean {
  return periodValue(record, dueDate, timeline).late;
}

interface Counted {
  readonly record: PointsRecord;
  readonly late: boolean;
}

const NONE: readonly PointsRecord[] = [];

/**
 * The confirmed record of the item that earns the period's points when there are several: the best of
 * them — the most points under its own version (so on time beats late), then on time, then the earliest
 * work date, then the smaller id. Scans each pairing's records in `lists` (its bucket of the period, or
 * all its records): one value per record, nothing allocated but the answer.
 */
function bestOf(item: CadenceItem, info: PeriodInfo, lists: ReadonlyArray<readonly PointsRecord[] | undefined>, timeline: RuleTimeline): Counted | undefined {
  let best: PointsRecord | undefined;
  let bestPoints = 0;
  let bestLate = false;
  let version: RuleSet | undefined;
  let cutoff = '';
  for (const list of lists) {
    for (const record of list ?? NONE) {
      if (record.kind !== item || record.state !== 'confirmed' || record.date < info.first || record.date > info.last) continue;
      const on = versionOn(timeline, record.date);
      if (on !== version) {
        version = on;
        cutoff = lateCutoff(info.last, on.lateAfterDays);
      }
      const late = !record.paper && record.recordedOn > cutoff;
      const points = pointsOf(ruleIn(on, record.kind), late);
      const wins =
        best === undefined ||
        (points !== bestPoints ? points > bestPoints : late !== bestLate ? !late : record.date !== best.date ? record.date < best.date : record.id < best.id);
      if (!wins) continue;
      best = record;
      bestPoints = points;
      bestLate = late;
    }
  }
  return best && { record: best, late: bestLate };
}

/**
 * The confirmed record of the item that earns the period's points when there are several (see bestOf):
 * the most points under its own version (so on time beats late), ties to the earliest.
 */
export function countedRecord(item: CadenceItem, info: PeriodInfo, records: readonly PointsRecord[], timeline: RuleTimeline): PointsRecord | undefined {
  return bestOf(item, info, [records], timeline)?.record;
}

function entryOf(item: CadenceItem, info: PeriodInfo, status: CalendarStatus, recordId?: string): CalendarEntry {
  return recordId === undefined ? { item, period: info.period, key: info.key, status, dueDate: info.last } : { item, period: info.period, key: info.key, status, dueDate: info.last, recordId };
}

/** One period's entry; `lists[i]` holds (at least) the records of `pairings[i]` that could count for the period. */
function calendarEntry(item: CadenceItem, info: PeriodInfo, pairings: readonly PointsPairing[], lists: ReadonlyArray<readonly PointsRecord[] | undefined>, timeline: RuleTimeline, nowMs: number): CalendarEntry {
  // The best status any pairing of the unit reaches (a change of partner mid-period counts either).
  let best = precedence.length - 1;
  for (let index = 0; index < pairings.length; index += 1) {
    const rank = rankOf[statusIn(item, info, lists[index] ?? NONE, pairings[index]!, nowMs)];
    if (rank < best) best = rank;
  }
  switch (precedence[best]!) {
    case 'done': {
      const counted = bestOf(item, info, lists, timeline);
      if (!counted) return entryOf(item, info, 'done');
      return entryOf(item, info, counted.late ? 'late' : 'done', counted.record.id);
    }
    case 'awaitingConfirmation':
      return entryOf(item, info, 'pending');
    case 'missed':
      return entryOf(item, info, 'missing');
    case 'notRequired':
      return entryOf(item, info, 'notRequired');
    case 'dueSoon':
      return entryOf(item, info, 'dueSoon');
    case 'open':
      return entryOf(item, info, nowMs < info.startMs ? 'upcoming' : 'open');
  }
}

/**
 * The year's calendar of a unit. Each pairing's records are sorted into the year's periods once (see
 * calendarBuckets), and each of the 17 periods scans only its bucket.
 */
export function cadenceCalendar(
  year: number,
  pairings: readonly PointsPairing[],
  recordsByPairing: ReadonlyMap<string, readonly PointsRecord[]>,
  timeline: RuleTimeline,
  now: Date,
): CadenceCalendar {
  const periods = periodsOf(year);
  const nowMs = now.getTime();
  const buckets = pairings.map((pairing) => periodBuckets(recordsByPairing.get(pairing.id) ?? NONE, periods.year.first));
  const listsOf = (index: number) => buckets.map((ofPairing) => ofPairing[index]);
  const months: CalendarEntry[] = [];
  periods.months.forEach((info, index) => months.push(calendarEntry('monthlyVisit', info, pairings, listsOf(index), timeline, nowMs)));
  const quarters: CalendarEntry[] = [];
  periods.quarters.forEach((info, index) => quarters.push(calendarEntry('quarterlyActivity', info, pairings, listsOf(QUARTER_BUCKETS + index), timeline, nowMs)));
  return { months, quarters, summary: calendarEntry('annualSummary', periods.year, pairings, listsOf(YEAR_BUCKET), timeline, nowMs) };
}

/** All entries of a calendar, months first. */
export function calendarEntries(calendar: CadenceCalendar): CalendarEntry[] {
  return [...calendar.months, ...calendar.quarters, calendar.summary];
}
