import type { PairingTerm } from '../cadence/cadence';
import { chinaDateString } from '../time/chinaTime';

/** Why a record's date is not acceptable (Chinese), or undefined when it is. */
export function recordDateProblem(date: string, term: PairingTerm & { readonly year: number }, now: Date): string | undefined {
  if (date > chinaDateString(now)) return '日期不能晚于今天';
  if (!date.startsWith(`${term.year}-`)) return `日期须在结对年度（${term.year}年）内`;
  if (date < term.startDate || (term.endDate !== null && date > term.endDate)) return '日期不在结对期内';
  return undefined;
}

/** The top-level fields whose values differ (for the audit trail). */
export function changedFields<T extends object>(before: T, after: T, fields: ReadonlyArray<keyof T>): string[] {
  return fields.filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field])).map(String);
}
