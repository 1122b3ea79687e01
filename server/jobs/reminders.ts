import { approvedOrgIdsOf, unitIdsOf } from '../../src/domain/access/scope';
import { recordKinds } from '../../src/domain/records/catalog';
import type { RecordKind } from '../../src/domain/records/catalog';
import type { Reminder } from '../../src/domain/reminders/reminders';
import { dueReminders } from '../../src/domain/reminders/reminders';
import { fitText } from '../../src/domain/text/fit';
import { chinaDateString } from '../../src/domain/time/chinaTime';
import { boundsOf, quarterOf, yearOf } from '../../src/domain/time/periods';
import { miniprogramState, templates } from '../config/templates';
import type { PairingDocument, PersonDocument, RecordDocument } from '../db/documents';
import { findEvery } from '../db/paginate';
import type { JobContext } from '../runtime/createTimerFunction';

export interface ReminderRun {
  readonly due: number;
  readonly sent: number;
  readonly alreadySent: number;
  readonly notAllowed: number;
}

/**
 * The daily reminder run: works out the reminders due (domain), skips those already sent (the
 * reminder log's id is the reminder's key), and sends the rest as subscription messages. A reminder
 * the person has not allowed is not logged, so it can still reach them once they allow it.
 */
export async function runReminders({ db, cloud, now }: JobContext): Promise<ReminderRun> {
  const _ = db.command;
  const year = yearOf(now).year;
  const quarterStart = chinaDateString(boundsOf(quarterOf(now)).start);
  const [pairings, records, people] = await Promise.all([
    findEvery<PairingDocument>(db.collection('pairings').where({ year }).field({ _id: 1, unitId: 1, orgId: 1, orgName: 1, startDate: 1, endDate: 1 })),
    findEvery<RecordDocument>(db.collection('records').where({ year, state: _.neq('draft'), date: _.gte(quarterStart) }).field({ _id: 1, pairingId: 1, kind: 1, date: 1, state: 1 })),
    findEvery<PersonDocument>(db.collection('people').field({ _id: 1, openid: 1, grants: 1 })),
  ]);
  const waiting = await findEvery<RecordDocument>(db.collection('records').where({ state: 'submitted', submittedAt: _.lte(new Date(now.getTime() - 3 * 86_400_000)) }).field({ _id: 1, revision: 1, orgId: 1, unitName: 1, kind: 1, submittedAt: 1 }));
  const recordsByPairing = new Map<string, RecordDocument[]>();
  for (const record of records) recordsByPairing.set(record.pairingId, [...(recordsByPairing.get(record.pairingId) ?? []), record]);
  const due = dueReminders(
    pairings.map((pairing) => ({ id: pairing._id, unitId: pairing.unitId, orgId: pairing.orgId, orgName: pairing.orgName, startDate: pairing.startDate, endDate: pairing.endDate, records: recordsByPairing.get(pairing._id) ?? [] })),
    people.map((person) => ({ id: person._id, openid: person.openid, unitIds: unitIdsOf(person.grants), approvedOrgIds: approvedOrgIdsOf(person.grants) })),
    waiting.map((record) => ({ id: record._id, revision: record.revision, orgId: record.orgId, unitName: record.unitName, kind: record.kind, submittedAt: new Date(record.submittedAt ?? now) })),
    now,
  );
  const sentBefore = due.length === 0 ? [] : await findEvery<{ _id: string }>(db.collection('reminderLog').where({ _id: _.in(due.map((reminder) => reminder.key)) }).field({ _id: 1 }));
  const skip = new Set(sentBefore.map((entry) => entry._id));
  let sent = 0;
  let notAllowed = 0;
  for (const reminder of due.filter((candidate) => !skip.has(candidate.key))) {
    try {
      await cloud.openapi.subscribeMessage.send(message(reminder));
    } catch (error) {
      if ((error as { errCode?: number }).errCode === 43101) notAllowed += 1;
      else console.warn(`[gongjian] reminder ${reminder.key} failed`, error);
      continue;
    }
    try {
      await db.collection('reminderLog').add({ data: { _id: reminder.key, personId: reminder.personId, kind: reminder.kind, sentAt: now } });
      sent += 1;
    } catch (error) {
      console.warn(`[gongjian] reminder ${reminder.key} sent but not logged`, error);
    }
  }
  return { due: due.length, sent, alreadySent: skip.size, notAllowed };
}

function message(reminder: Reminder) {
  if (reminder.kind === 'cadence') {
    return {
      touser: reminder.openid,
      templateId: templates.cadenceReminder.id,
      page: templates.cadenceReminder.page,
      miniprogramState,
      data: { thing1: { value: fitText(reminder.periodLabel, 20) }, thing2: { value: fitText(reminder.orgName, 20) }, date3: { value: reminder.dueDate } },
    };
  }
  return {
    touser: reminder.openid,
    templateId: templates.confirmRequest.id,
    page: `pages/confirm/index?id=${reminder.recordId}`,
    miniprogramState,
    data: {
      thing1: { value: fitText(recordKinds[reminder.recordKind as RecordKind] ?? '共建记录', 20) },
      thing2: { value: fitText(reminder.unitName, 20) },
      date3: { value: chinaDateString(new Date()) },
      thing4: { value: fitText('已等待三天以上，请确认', 20) },
    },
  };
}
