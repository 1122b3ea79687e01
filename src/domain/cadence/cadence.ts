import type { RecordKind } from '../records/catalog';
import type { RecordState } from '../records/stateMachine';
import type { Period, PeriodSpan } from '../time/periods';
import { monthOf, quarterOf, spanOf, yearOf } from '../time/periods';

/** The notice's rhythm: 一月一到访、一季一活动、一年一总结. */
export const cadenceItems = {
  monthlyVisit: { label: '本月到访', period: 'month', dueSoonDays: 5 },
  quarterlyActivity: { label: '本季联合活动', period: 'quarter', dueSoonDays: 15 },
  annualSummary: { label: '年度总结会议', period: 'year', dueSoonDays: 45 },
} as const satisfies Record<string, { label: string; period: Period['kind']; dueSoonDays: number }>;
export type CadenceItem = keyof typeof cadenceItems & RecordKind;

export const cadenceStatuses = {
  done: '已完成',
  awaitingConfirmation: '待组织确认',
  open: '待完成',
  dueSoon: '即将到期',
  missed: '已逾期',
  notRequired: '不在结对期内',
} as const;
export type CadenceStatus = keyof typeof cadenceStatuses;

export interface CadenceRecord {
  readonly kind: RecordKind;
  /** `YYYY-MM-DD` on the China calendar. */
  readonly date: string;
  readonly state: RecordState;
}

export interface PairingTerm {
  /** `YYYY-MM-DD`, China calendar, inclusive. */
  readonly startDate: string;
  /** `YYYY-MM-DD`, inclusive; null while the pairing goes on. */
  readonly endDate: string | null;
}

export interface CadenceEntry {
  readonly item: CadenceItem;
  readonly period: Period;
  readonly status: CadenceStatus;
  /** Last day of the period, `YYYY-MM-DD`. */
  readonly dueDate: string;
}

const DAY_MS = 86_400_000;

/** Status of one cadence item for one period, at the instant `now`. Drafts count for nothing. */
export function cadenceStatus(item: CadenceItem, period: Period, records: readonly CadenceRecord[], term: PairingTerm, now: Date): CadenceEntry {
  // The period's days and bounds by arithmetic on China time, once per period (see spanOf).
  const span = spanOf(period);
  return { item, period, status: statusIn(item, span, records, term, now.getTime()), dueDate: span.last };
}

/**
 * The rule of `cadenceStatus` for a period's span and the instant in epoch ms, as a bare status: the
 * points calendar asks it for every pairing and period of a district, with `records` already narrowed
 * to the period's (any superset gives the same answer: only the item's records within the span count).
 */
export function statusIn(item: CadenceItem, span: PeriodSpan, records: readonly CadenceRecord[], term: PairingTerm, nowMs: number): CadenceStatus {
  const { first, last, endMs } = span;
  if (term.startDate > last || (term.endDate !== null && term.endDate < first)) return 'notRequired';
  let waiting = false;
  for (const record of records) {
    if (record.kind !== item || record.date < first || record.date > last) continue;
    if (record.state === 'confirmed') return 'done';
    if (record.state !== 'draft') waiting = true;
  }
  if (waiting) return 'awaitingConfirmation';
  if (nowMs >= endMs) return 'missed';
  if (nowMs >= endMs - cadenceItems[item].dueSoonDays * DAY_MS) return 'dueSoon';
  return 'open';
}

/** The three items a unit worker sees on their home screen: this month, this quarter, this year. */
export function currentCadence(records: readonly CadenceRecord[], term: PairingTerm, now: Date): CadenceEntry[] {
  return [
    cadenceStatus('monthlyVisit', monthOf(now), records, term, now),
    cadenceStatus('quarterlyActivity', quarterOf(now), records, term, now),
    cadenceStatus('annualSummary', yearOf(now), records, term, now),
  ];
}
