import type { CadenceItem, CadenceStatus } from '../cadence/cadence';
import { cadenceStatus } from '../cadence/cadence';
import { chinaDateString, parseChinaDate } from '../time/chinaTime';
import type { Period } from '../time/periods';
import { boundsOf, monthsOfYear, periodKey, quartersOfYear } from '../time/periods';
import type { PointsPairing, PointsRecord } from './inputs';
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

const cutoffs = new Map<string, string>();

/** The last day a periodic item may be written up without counting as late. */
function lateCutoff(dueDate: string, days: number): string {
  const key = `${dueDate}+${days}`;
  let cutoff = cutoffs.get(key);
  if (cutoff === undefined) {
    cutoff = addDays(dueDate, days);
    cutoffs.set(key, cutoff);
  }
  return cutoff;
}

const precedence: readonly CadenceStatus[] = ['done', 'awaitingConfirmation', 'dueSoon', 'open', 'missed', 'notRequired'];

/** What a confirmed record of a periodic item earns for its period before caps, and whether it is late. */
export interface PeriodValue {
  readonly late: boolean;
  readonly points: number;
}

/**
 * A record's value for its period, all from the version in force on its work date: the points (or the
 * late points) and the grace period that decides lateness. A version without the item gives 0.
 */
export function periodValue(record: PointsRecord, dueDate: string, timeline: RuleTimeline): PeriodValue {
  const version = versionOn(timeline, record.date);
  const late = !record.paper && record.recordedOn > lateCutoff(dueDate, version.lateAfterDays);
  const rule = ruleIn(version, record.kind);
  return { late, points: rule === undefined ? 0 : late ? (rule.latePoints ?? rule.points) : rule.points };
}

/** Whether a counted record was written up late: more than its version's days after the period ended (paper records never). */
export function isLate(record: PointsRecord, dueDate: string, timeline: RuleTimeline): boolean {
  return periodValue(record, dueDate, timeline).late;
}

interface Counted {
  readonly record: PointsRecord;
  readonly value: PeriodValue;
}

/** Whether `a` earns the period rather than `b`: more points, then on time, then the earlier work date, then the smaller id. */
function beats(a: Counted, b: Counted): boolean {
  if (a.value.points !== b.value.points) return a.value.points > b.value.points;
  if (a.value.late !== b.value.late) return !a.value.late;
  if (a.record.date !== b.record.date) return a.record.date < b.record.date;
  return a.record.id < b.record.id;
}

function bestOf(item: CadenceItem, info: PeriodInfo, records: readonly PointsRecord[], timeline: RuleTimeline, best: Counted | undefined): Counted | undefined {
  for (const record of records) {
    if (record.kind !== item || record.state !== 'confirmed' || record.date < info.first || record.date > info.last) continue;
    const candidate = { record, value: periodValue(record, info.last, timeline) };
    if (!best || beats(candidate, best)) best = candidate;
  }
  return best;
}

/**
 * The confirmed record of the item that earns the period's points when there are several: the best of
 * them — the most points under its own version (so on time beats late), ties to the earliest.
 */
export function countedRecord(item: CadenceItem, info: PeriodInfo, records: readonly PointsRecord[], timeline: RuleTimeline): PointsRecord | undefined {
  return bestOf(item, info, records, timeline, undefined)?.record;
}

function entryOf(item: CadenceItem, info: PeriodInfo, status: CalendarStatus, recordId?: string): CalendarEntry {
  return recordId === undefined ? { item, period: info.period, key: info.key, status, dueDate: info.last } : { item, period: info.period, key: info.key, status, dueDate: info.last, recordId };
}

export function calendarEntry(
  item: CadenceItem,
  info: PeriodInfo,
  pairings: readonly PointsPairing[],
  recordsByPairing: ReadonlyMap<string, readonly PointsRecord[]>,
  timeline: RuleTimeline,
  now: Date,
): CalendarEntry {
  // The best status any pairing of the unit reaches (a change of partner mid-period counts either).
  let best = precedence.length - 1;
  for (const pairing of pairings) {
    const rank = precedence.indexOf(cadenceStatus(item, info.period, recordsByPairing.get(pairing.id) ?? [], pairing, now).status);
    if (rank < best) best = rank;
  }
  switch (precedence[best]!) {
    case 'done': {
      let counted: Counted | undefined;
      for (const pairing of pairings) counted = bestOf(item, info, recordsByPairing.get(pairing.id) ?? [], timeline, counted);
      if (!counted) return entryOf(item, info, 'done');
      return entryOf(item, info, counted.value.late ? 'late' : 'done', counted.record.id);
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
      return entryOf(item, info, now.getTime() < info.startMs ? 'upcoming' : 'open');
  }
}

export function cadenceCalendar(
  year: number,
  pairings: readonly PointsPairing[],
  recordsByPairing: ReadonlyMap<string, readonly PointsRecord[]>,
  timeline: RuleTimeline,
  now: Date,
): CadenceCalendar {
  const periods = periodsOf(year);
  const months: CalendarEntry[] = [];
  for (const info of periods.months) months.push(calendarEntry('monthlyVisit', info, pairings, recordsByPairing, timeline, now));
  const quarters: CalendarEntry[] = [];
  for (const info of periods.quarters) quarters.push(calendarEntry('quarterlyActivity', info, pairings, recordsByPairing, timeline, now));
  return { months, quarters, summary: calendarEntry('annualSummary', periods.year, pairings, recordsByPairing, timeline, now) };
}

/** All entries of a calendar, months first. */
export function calendarEntries(calendar: CadenceCalendar): CalendarEntry[] {
  return [...calendar.months, ...calendar.quarters, calendar.summary];
}
