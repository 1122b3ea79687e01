import { duePlanReminders } from '../../../src/domain/admin/workPlans';
import type { PlanReminderTarget } from '../../../src/domain/admin/workPlans';
import { yearOf } from '../../../src/domain/time/periods';
import type { PersonDocument } from '../../db/documents';
import type { WorkPlanDocument } from '../../db/adminDocuments';
import { findEvery } from '../../db/paginate';
import type { JobContext } from '../../runtime/createTimerFunction';
import { deadlineOf } from './deadline';
import { sendPlanMessage } from './notify';
import { allStreetSubjects, pairedUnits } from './subjects';

export interface PlanReminderRun {
  readonly due: number;
  readonly sent: number;
  readonly alreadySent: number;
  readonly notAllowed: number;
}

/**
 * The daily plan reminders (timer in cloudfunctions/plans/config.json): a week before the deadline
 * and the day before, to the people of every unit (and street office) whose plan is not submitted.
 * Each reminder is logged under its key in `reminderLog`, so none is ever sent twice.
 */
export async function runPlanReminders({ db, cloud, now }: JobContext): Promise<PlanReminderRun> {
  const _ = db.command;
  const year = yearOf(now).year;
  const deadline = await deadlineOf(db, year);
  const [units, streets, plans, people] = await Promise.all([
    pairedUnits(db, year),
    allStreetSubjects(db),
    findEvery<WorkPlanDocument>(db.collection('workPlans').where({ year, state: _.in(['submitted', 'accepted']) }).orderBy('_id', 'asc').field({ _id: 1, subjectType: 1, subjectId: 1 })),
    findEvery<PersonDocument>(db.collection('people').orderBy('_id', 'asc').field({ _id: 1, openid: 1, grants: 1 })),
  ]);
  const peopleOf = (roles: readonly string[], scopeId: string) =>
    people.filter((person) => person.grants.some((grant) => roles.includes(grant.role) && grant.scopeId === scopeId)).map((person) => ({ id: person._id, openid: person.openid }));
  const targets: PlanReminderTarget[] = [
    ...units.map((unit) => ({ subjectType: 'unit' as const, subjectId: unit.subjectId, subjectName: unit.subjectName, people: peopleOf(['unitStaff', 'unitHead'], unit.subjectId) })),
    ...streets.map((street) => ({ subjectType: 'street' as const, subjectId: street.subjectId, subjectName: street.subjectName, people: peopleOf(['streetOffice'], street.subjectId) })),
  ];
  const due = duePlanReminders(year, deadline, targets, new Set(plans.map((plan) => `${plan.subjectType}:${plan.subjectId}`)), now);
  const logged = due.length === 0 ? [] : await findEvery<{ _id: string }>(db.collection('reminderLog').where({ _id: _.in(due.map((reminder) => reminder.key)) }).orderBy('_id', 'asc').field({ _id: 1 }));
  const skip = new Set(logged.map((entry) => entry._id));
  let sent = 0;
  let notAllowed = 0;
  for (const reminder of due.filter((candidate) => !skip.has(candidate.key))) {
    const reached = await sendPlanMessage(cloud, reminder.openid, {
      title: reminder.subjectType === 'unit' ? `${year}年度工作方案` : `${year}年度街道结对工作安排`,
      subjectName: reminder.subjectName,
      date: reminder.deadline,
      note: reminder.stage === 'day' ? '即将截止，请尽快提交' : '截止前一周，请按时提交',
    });
    if (!reached) {
      notAllowed += 1;
      continue;
    }
    await db.collection('reminderLog').add({ data: { _id: reminder.key, personId: reminder.personId, kind: 'plan', sentAt: now } });
    sent += 1;
  }
  return { due: due.length, sent, alreadySent: skip.size, notAllowed };
}
