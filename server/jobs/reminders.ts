import { subjectOf } from '../../src/domain/access/policy';
import type { Reminder } from '../../src/domain/reminders/reminders';
import { dueReminders, PENDING_REMINDER_AFTER_MS } from '../../src/domain/reminders/reminders';
import { chinaDateString } from '../../src/domain/time/chinaTime';
import { boundsOf, quarterOf, yearOf } from '../../src/domain/time/periods';
import { declarationOf } from '../deploy/functions';
import type { DueReminder, ReminderRun } from '../messaging/reminderJob';
import { runReminderJob } from '../messaging/reminderJob';
import { runBudgetFor } from '../messaging/runBudget';
import { templates } from '../messaging/templates';
import { peopleRepository } from '../repositories/people';
import { recordsRepository } from '../repositories/records';
import { reminderSourcesRepository } from '../repositories/reminderSources';
import type { JobContext } from '../runtime/createTimerFunction';
import { confirmRequestMessage } from '../services/records/confirmRequest';

export type { ReminderRun };

/**
 * The daily reminder run: works out the reminders due (domain) — unit workers whose month's visit or
 * quarter's activity is still open near its end, leaders with records waiting over three days — and
 * sends them through the one reminder framework, which never sends the same reminder twice and stops
 * within the function's timeout (the next run of the trigger continues).
 */
export function runReminders(context: JobContext): Promise<ReminderRun> {
  return runReminderJob(context, 'reminders', runBudgetFor(declarationOf('reminders').timeoutSeconds), () => findDueReminders(context));
}

async function findDueReminders(context: JobContext): Promise<DueReminder[]> {
  const { db, now } = context;
  const sources = reminderSourcesRepository(db);
  const year = yearOf(now).year;
  const quarterStart = chinaDateString(boundsOf(quarterOf(now)).start);
  const [pairings, counted, people, waiting] = await Promise.all([
    sources.pairingsOfYear(year),
    sources.countingTowardsCadence(year, quarterStart),
    peopleRepository(db).everyoneWithGrants(),
    recordsRepository(db).waitingSince(new Date(now.getTime() - PENDING_REMINDER_AFTER_MS)),
  ]);
  const recordsByPairing = new Map<string, typeof counted>();
  for (const record of counted) recordsByPairing.set(record.pairingId, [...(recordsByPairing.get(record.pairingId) ?? []), record]);
  const due = dueReminders(
    pairings.map((pairing) => ({ id: pairing._id, unitId: pairing.unitId, orgId: pairing.orgId, orgName: pairing.orgName, startDate: pairing.startDate, endDate: pairing.endDate, records: recordsByPairing.get(pairing._id) ?? [] })),
    people.map((person) => {
      const subject = subjectOf(person.grants);
      return { id: person._id, openid: person.openid, unitIds: subject.unitIds, approvedOrgIds: subject.orgIds };
    }),
    waiting.map((record) => ({ id: record._id, revision: record.revision, orgId: record.orgId, unitName: record.unitName, kind: record.kind, date: record.date, submittedAt: new Date(record.submittedAt ?? now) })),
    now,
  );
  return due.map(toMessage);
}

function toMessage(reminder: Reminder): DueReminder {
  const sent = { key: reminder.key, personId: reminder.personId, kind: reminder.kind };
  if (reminder.kind === 'cadence') {
    return { ...sent, template: templates.cadenceReminder, message: { to: reminder.openid, values: { thing1: reminder.periodLabel, thing2: reminder.orgName, date3: reminder.dueDate } } };
  }
  return {
    ...sent,
    template: templates.confirmRequest,
    message: confirmRequestMessage(reminder.openid, { kind: reminder.recordKind, unitName: reminder.unitName, date: reminder.recordDate }, { recordId: reminder.recordId }, 'stillWaiting'),
  };
}
