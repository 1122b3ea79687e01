import { minePlansInput } from '../../../src/contract/plans';
import { yearOf } from '../../../src/domain/time/periods';
import { templates } from '../../messaging/templates';
import { planIdOf, plansRepository } from '../../repositories/plans';
import { subjectOfCaller } from '../../runtime/access';
import { defineAction } from '../../runtime/defineAction';
import { deadlineOf } from './deadlineOf';
import type { PlanSubjectRef } from './planSubjects';
import { allStreetSubjects, slotOf, subjectOrFail } from './planSubjects';
import { withLinks } from './toPlanView';

/** plans.mine — the plans the caller writes: each of their units' plan, and their street's arrangement. */
export const minePlans = defineAction({
  name: 'plans.mine',
  input: minePlansInput,
  access: 'person',
  async run({ db, cloud, caller, now }, input) {
    const person = subjectOfCaller(caller);
    const year = input.year ?? yearOf(now).year;
    const deadline = await deadlineOf(db, year);
    const unitSubjects = await Promise.all(person.unitIds.map((unitId) => subjectOrFail(db, 'unit', unitId).catch(() => null)));
    const streetSubjects = person.streetIds.length === 0 ? [] : (await allStreetSubjects(db)).filter((street) => person.streetIds.includes(street.subjectId));
    const subjects = [...unitSubjects.filter((subject): subject is PlanSubjectRef => subject !== null), ...streetSubjects];
    const plans = plansRepository(db);
    const slots = await Promise.all(
      subjects.map(async (subject) => {
        const slot = slotOf(subject, await plans.byId(planIdOf(year, subject.subjectType, subject.subjectId)), deadline, now);
        return slot.plan ? { ...slot, plan: await withLinks(cloud, slot.plan) } : slot;
      }),
    );
    return { year, deadline, slots, reminderTemplateId: templates.planReminder.id };
  },
});
