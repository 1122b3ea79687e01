import { minePlansInput } from '../../../src/contract/plans';
import { defaultDeadline } from '../../../src/domain/admin/workPlans';
import { yearOf } from '../../../src/domain/time/periods';
import { templates } from '../../messaging/templates';
import type { SubjectWithPlan } from '../../repositories/plansMine';
import { plansMineRepository } from '../../repositories/plansMine';
import { subjectOfCaller } from '../../runtime/access';
import { defineAction } from '../../runtime/defineAction';
import type { PlanSubjectRef } from './planSubjects';
import { slotOf } from './planSubjects';
import { withLinks } from './toPlanView';

/**
 * plans.mine — the plans the caller writes: each of their units' plan, and their street's arrangement.
 * Two database requests (three for someone with both units and streets): the caller, then their
 * units (streets) joined with the plans and the deadline setting.
 */
export const minePlans = defineAction({
  name: 'plans.mine',
  input: minePlansInput,
  access: 'person',
  async run({ db, cloud, caller, now }, input) {
    const person = subjectOfCaller(caller);
    const year = input.year ?? yearOf(now).year;
    // One aggregate per subject type reads the units (streets) with their plan and the year's deadline setting.
    const found = await plansMineRepository(db).ofSubjects(person.unitIds, person.streetIds, year);
    const deadline = found.settings?.deadline ?? defaultDeadline(year);
    const order = (subject: SubjectWithPlan) => (subject.subjectType === 'unit' ? person.unitIds.indexOf(subject.subjectId) : person.unitIds.length + person.streetIds.indexOf(subject.subjectId));
    const slots = await Promise.all(
      [...found.subjects]
        .sort((a, b) => order(a) - order(b))
        .map(async (subject) => {
          const ref: PlanSubjectRef = { subjectType: subject.subjectType, subjectId: subject.subjectId, subjectName: subject.name, streetId: subject.streetId };
          const slot = slotOf(ref, subject.plan, deadline, now);
          return slot.plan ? { ...slot, plan: await withLinks(cloud, slot.plan) } : slot;
        }),
    );
    return { year, deadline, slots, reminderTemplateId: templates.planReminder.id };
  },
});
