import { chinaInstant, inChina } from './chinaTime';

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
  const china = inChina(instant);
  return { kind: 'month', year: china.year(), month: china.month() + 1 };
}

export function quarterOf(instant: Date | number): Period & { kind: 'quarter' } {
  const china = inChina(instant);
  return { kind: 'quarter', year: china.year(), quarter: Math.floor(china.month() / 3) + 1 };
}

export function yearOf(instant: Date | number): Period & { kind: 'year' } {
  return { kind: 'year', year: inChina(instant).year() };
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

export function contains(period: Period, instant: Date | number): boolean {
  const { start, end } = boundsOf(period);
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  return ms >= start.getTime() && ms < end.getTime();
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
