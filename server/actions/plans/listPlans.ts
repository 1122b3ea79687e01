import { listPlansInput } from '../../../src/contract/plans';
import { managesStreet, policy } from '../../../src/domain/access/policy';
import type { PlanTiming } from '../../../src/domain/admin/workPlans';
import { planTimingOrder } from '../../../src/domain/admin/workPlans';
import { yearOf } from '../../../src/domain/time/periods';
import { plansRepository } from '../../repositories/plans';
import { allows, subjectOfCaller } from '../../runtime/access';
import { defineAction } from '../../runtime/defineAction';
import { pageOf } from '../../runtime/paging';
import { deadlineOf } from './deadlineOf';
import { allStreetSubjects, pairedUnits, slotOf } from './planSubjects';

/**
 * plans.list — the units (or streets) in the streets the office manages, with their plan or none, late
 * ones as late: those to chase first, one page at a time (optionally one timing); counts cover them all.
 */
export const listPlans = defineAction({
  name: 'plans.list',
  input: listPlansInput,
  access: ['streetOffice', 'districtOffice'],
  async run({ db, caller, now }, input) {
    const year = input.year ?? yearOf(now).year;
    const deadline = await deadlineOf(db, year);
    const office = subjectOfCaller(caller);
    const candidates = input.subjectType === 'unit' ? await pairedUnits(db, year) : await allStreetSubjects(db);
    const subjects = candidates.filter((subject) => managesStreet(office, subject.streetId));
    const plans = new Map((await plansRepository(db).ofYear(year, input.subjectType)).map((plan) => [plan.subjectId, plan]));
    const slots = subjects.map((subject) => slotOf(subject, plans.get(subject.subjectId), deadline, now));
    const counts: Record<PlanTiming, number> = { open: 0, dueSoon: 0, overdue: 0, onTime: 0, late: 0 };
    for (const slot of slots) counts[slot.timing] += 1;
    // A stable sort: within a timing, the order the subjects came in.
    const listed = slots.filter((slot) => input.timing === undefined || slot.timing === input.timing).sort((a, b) => planTimingOrder.indexOf(a.timing) - planTimingOrder.indexOf(b.timing));
    const { rows, page } = pageOf(listed, input);
    return { year, deadline, slots: rows, page, counts, canSetDeadline: allows(caller, policy.district.administer, {}) };
  },
});
