import type { CadenceItem, CadenceStatus } from '../cadence/cadence';
import { cadenceStatus } from '../cadence/cadence';
import { chinaDateString, parseChinaDate } from '../time/chinaTime';
import type { Period } from '../time/periods';
import { boundsOf, monthsOfYear, periodKey, quartersOfYear } from '../time/periods';
import type { PointsPairing, PointsRecord } from './inputs';
import type { RuleTimeline } from './versions';
import { versionOn } from './versions';

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

/** The earliest confirmed record of the item in the period: the one that earns the period's points. */
export function countedRecord(item: CadenceItem, info: PeriodInfo, records: readonly PointsRecord[]): PointsRecord | undefined {
  let best: PointsRecord | undefined;
  for (const record of records) {
    if (record.kind !== item || record.state !== 'confirmed' || record.date < info.first || record.date > info.last) continue;
    if (!best || record.date < best.date || (record.date === best.date && record.id < best.id)) best = record;
  }
  return best;
}

/** Whether a counted record was written up late: more than the rule set's days after the period ended (paper records never). */
export function isLate(record: PointsRecord, dueDate: string, timeline: RuleTimeline): boolean {
  if (record.paper) return false;
  return record.recordedOn > lateCutoff(dueDate, versionOn(timeline, dueDate).lateAfterDays);
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
      let record: PointsRecord | undefined;
      for (const pairing of pairings) {
        const candidate = countedRecord(item, info, recordsByPairing.get(pairing.id) ?? []);
        if (candidate && (!record || candidate.date < record.date || (candidate.date === record.date && candidate.id < record.id))) record = candidate;
      }
      if (!record) return entryOf(item, info, 'done');
      return entryOf(item, info, isLate(record, info.last, timeline) ? 'late' : 'done', record.id);
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
