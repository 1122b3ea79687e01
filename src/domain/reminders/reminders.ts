import type { CadenceItem, CadenceRecord, PairingTerm } from '../cadence/cadence';
import { cadenceStatus } from '../cadence/cadence';
import type { RecordKind } from '../records/catalog';
import { monthOf, periodKey, periodLabel, quarterOf } from '../time/periods';

const reminderSubjects = { monthlyVisit: '到访', quarterlyActivity: '联合活动' } as const;

/** A leader is reminded of a record still waiting after this long. */
export const PENDING_REMINDER_AFTER_MS = 3 * 86_400_000;

export interface ReminderPairing extends PairingTerm {
  readonly id: string;
  readonly unitId: string;
  readonly orgId: string;
  readonly orgName: string;
  readonly records: readonly CadenceRecord[];
}

export interface ReminderPerson {
  readonly id: string;
  readonly openid: string;
  readonly unitIds: readonly string[];
  readonly approvedOrgIds: readonly string[];
}

export interface WaitingRecord {
  readonly id: string;
  readonly revision: number;
  readonly orgId: string;
  readonly unitName: string;
  readonly kind: RecordKind;
  /** The day the work took place. */
  readonly date: string;
  readonly submittedAt: Date;
}

export type Reminder =
  | { readonly key: string; readonly kind: 'cadence'; readonly personId: string; readonly openid: string; readonly item: CadenceItem; readonly periodLabel: string; readonly orgName: string; readonly dueDate: string }
  | { readonly key: string; readonly kind: 'pending'; readonly personId: string; readonly openid: string; readonly recordId: string; readonly unitName: string; readonly recordKind: RecordKind; readonly recordDate: string };

/**
 * Which reminders are due at `now`: unit workers whose month's visit or quarter's activity is still
 * open near its end, and leaders with records waiting more than three days. Each has a stable key,
 * so that a reminder already sent is never sent again.
 */
export function dueReminders(pairings: readonly ReminderPairing[], people: readonly ReminderPerson[], waiting: readonly WaitingRecord[], now: Date): Reminder[] {
  const reminders: Reminder[] = [];
  for (const pairing of pairings) {
    for (const [item, period] of [['monthlyVisit', monthOf(now)], ['quarterlyActivity', quarterOf(now)]] as const) {
      const entry = cadenceStatus(item, period, pairing.records, pairing, now);
      if (entry.status !== 'dueSoon') continue;
      for (const person of people.filter((candidate) => candidate.unitIds.includes(pairing.unitId))) {
        reminders.push({ key: `cadence:${pairing.id}:${item}:${periodKey(period)}:${person.id}`, kind: 'cadence', personId: person.id, openid: person.openid, item, periodLabel: `${periodLabel(period)}${reminderSubjects[item]}`, orgName: pairing.orgName, dueDate: entry.dueDate });
      }
    }
  }
  for (const record of waiting) {
    if (now.getTime() - record.submittedAt.getTime() < PENDING_REMINDER_AFTER_MS) continue;
    for (const person of people.filter((candidate) => candidate.approvedOrgIds.includes(record.orgId))) {
      reminders.push({ key: `pending:${record.id}:${record.revision}:${person.id}`, kind: 'pending', personId: person.id, openid: person.openid, recordId: record.id, unitName: record.unitName, recordKind: record.kind, recordDate: record.date });
    }
  }
  return reminders;
}
