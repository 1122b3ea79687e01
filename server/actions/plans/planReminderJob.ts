import { duePlanReminders } from '../../../src/domain/admin/workPlans';
import type { PlanReminderTarget } from '../../../src/domain/admin/workPlans';
import { yearOf } from '../../../src/domain/time/periods';
import type { Role } from '../../../src/contract/people';
import { declarationOf } from '../../deploy/functions';
import type { DueReminder, ReminderRun } from '../../messaging/reminderJob';
import { runReminderJob } from '../../messaging/reminderJob';
import { runBudgetFor } from '../../messaging/runBudget';
import { templates } from '../../messaging/templates';
import { adminPeopleRepository } from '../../repositories/adminPeople';
import { plansRepository } from '../../repositories/plans';
import type { JobContext } from '../../runtime/createTimerFunction';
import { deadlineOf } from './deadlineOf';
import { allStreetSubjects, pairedUnits } from './planSubjects';

/**
 * The daily plan reminders (timer in cloudfunctions/plans/config.json): a week before the deadline
 * and the day before, to the people of every unit (and street office) whose plan is not handed in.
 * Sent through the one reminder job, so none is ever sent twice, and within the function's timeout
 * (the next run of the trigger continues).
 */
export function runPlanReminders(context: JobContext): Promise<ReminderRun> {
  return runReminderJob(context, 'planReminders', runBudgetFor(declarationOf('plans').timeoutSeconds), () => findDuePlanReminders(context));
}

async function findDuePlanReminders(context: JobContext): Promise<DueReminder[]> {
  const { db, now } = context;
  const year = yearOf(now).year;
  const deadline = await deadlineOf(db, year);
  const [units, streets, handedIn, people] = await Promise.all([pairedUnits(db, year), allStreetSubjects(db), plansRepository(db).handedIn(year), adminPeopleRepository(db).everyoneWithGrants()]);
  const peopleOf = (roles: readonly Role[], scopeId: string) =>
    people.filter((person) => person.grants.some((grant) => roles.includes(grant.role) && grant.scopeId === scopeId)).map((person) => ({ id: person._id, openid: person.openid }));
  const targets: PlanReminderTarget[] = [
    ...units.map((unit) => ({ subjectType: 'unit' as const, subjectId: unit.subjectId, subjectName: unit.subjectName, people: peopleOf(['unitStaff', 'unitHead'], unit.subjectId) })),
    ...streets.map((street) => ({ subjectType: 'street' as const, subjectId: street.subjectId, subjectName: street.subjectName, people: peopleOf(['streetOffice'], street.subjectId) })),
  ];
  const due = duePlanReminders(year, deadline, targets, new Set(handedIn.map((plan) => `${plan.subjectType}:${plan.subjectId}`)), now);
  return due.map(
    (reminder): DueReminder => ({
      key: reminder.key,
      personId: reminder.personId,
      kind: 'plan',
      template: templates.planReminder,
      message: {
        to: reminder.openid,
        values: {
          thing1: reminder.subjectType === 'unit' ? `${year}年度工作方案` : `${year}年度街道结对工作安排`,
          thing2: reminder.subjectName,
          date3: reminder.deadline,
          thing4: reminder.stage === 'day' ? '即将截止，请尽快提交' : '截止前一周，请按时提交',
        },
      },
    }),
  );
}
