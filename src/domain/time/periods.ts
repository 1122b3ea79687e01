import { chinaDateString, chinaDay, chinaInstant } from './chinaTime';

/** A calendar period of the programme, on China time: 一月 / 一季 / 一年. */
export type Period =
  | { readonly kind: 'month'; readonly year: number; readonly month: number }
  | { readonly kind: 'quarter'; readonly year: number; readonly quarter: number }
  | { readonly kind: 'year'; readonly year: number };

/** Half-open interval [start, end) of instants. */
export interface Interval {
  readonly start: Date;
  readonly end: Date;
}

export function monthOf(instant: Date | number): Period & { kind: 'month' } {
  const { year, month } = chinaDay(instant);
  return { kind: 'month', year, month };
}

export function quarterOf(instant: Date | number): Period & { kind: 'quarter' } {
  const { year, month } = chinaDay(instant);
  return { kind: 'quarter', year, quarter: Math.floor((month - 1) / 3) + 1 };
}

export function yearOf(instant: Date | number): Period & { kind: 'year' } {
  return { kind: 'year', year: chinaDay(instant).year };
}

export function boundsOf(period: Period): Interval {
  switch (period.kind) {
    case 'month':
      return { start: chinaInstant(period.year, period.month), end: chinaInstant(period.year, period.month + 1) };
    case 'quarter': {
      const firstMonth = (period.quarter - 1) * 3 + 1;
      return { start: chinaInstant(period.year, firstMonth), end: chinaInstant(period.year, firstMonth + 3) };
    }
    case 'year':
      return { start: chinaInstant(period.year, 1), end: chinaInstant(period.year + 1, 1) };
  }
}

/** A period's first and last China days (`YYYY-MM-DD`, inclusive) and its bounds in epoch ms (half-open). */
export interface PeriodSpan {
  readonly first: string;
  readonly last: string;
  readonly startMs: number;
  readonly endMs: number;
}

const spans = new Map<number, PeriodSpan>();

/** Whether a period names a real month or quarter (only those are remembered). */
function isRegular(period: Period): boolean {
  if (!Number.isInteger(period.year) || period.year < 0 || period.year > 9999) return false;
  if (period.kind === 'month') return Number.isInteger(period.month) && period.month >= 1 && period.month <= 12;
  if (period.kind === 'quarter') return Number.isInteger(period.quarter) && period.quarter >= 1 && period.quarter <= 4;
  return true;
}

/**
 * The span of a period by plain arithmetic on the China calendar, remembered per period (the
 * cadence asks for it for every pairing and period of a district).
 */
export function spanOf(period: Period): PeriodSpan {
  const regular = isRegular(period);
  const code = regular ? period.year * 32 + (period.kind === 'month' ? period.month : period.kind === 'quarter' ? 16 + period.quarter : 0) : -1;
  let span = regular ? spans.get(code) : undefined;
  if (!span) {
    const { start, end } = boundsOf(period);
    span = { first: chinaDateString(start), last: chinaDateString(end.getTime() - 1), startMs: start.getTime(), endMs: end.getTime() };
    if (regular) spans.set(code, span);
  }
  return span;
}

export function contains(period: Period, instant: Date | number): boolean {
  const { startMs, endMs } = spanOf(period);
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  return ms >= startMs && ms < endMs;
}

/** A stable key such as `2026-03`, `2026-Q1`, `2026`. */
export function periodKey(period: Period): string {
  switch (period.kind) {
    case 'month':
      return `${period.year}-${String(period.month).padStart(2, '0')}`;
    case 'quarter':
      return `${period.year}-Q${period.quarter}`;
    case 'year':
      return String(period.year);
  }
}

/** Chinese label: `2026年3月`, `2026年第一季度`, `2026年度`. */
export function periodLabel(period: Period): string {
  switch (period.kind) {
    case 'month':
      return `${period.year}年${period.month}月`;
    case 'quarter':
      return `${period.year}年第${'一二三四'[period.quarter - 1] ?? period.quarter}季度`;
    case 'year':
      return `${period.year}年度`;
  }
}

export function monthsOfYear(year: number): Array<Period & { kind: 'month' }> {
  return Array.from({ length: 12 }, (_, index) => ({ kind: 'month' as const, year, month: index + 1 }));
}

export function quartersOfYear(year: number): Array<Period & { kind: 'quarter' }> {
  return [1, 2, 3, 4].map((quarter) => ({ kind: 'quarter' as const, year, quarter }));
}
