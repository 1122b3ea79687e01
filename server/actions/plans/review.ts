import { listPlansInput, planRefInput, reviewPlanInput, setDeadlineInput } from '../../../src/contract/plans';
import type { PlanTiming } from '../../../src/domain/admin/workPlans';
import { adminScopeOf, isOffice, managesStreet } from '../../../src/domain/admin/adminScope';
import { planTransition } from '../../../src/domain/admin/workPlans';
import { yearOf } from '../../../src/domain/time/periods';
import type { PlanSettingsDocument, WorkPlanDocument } from '../../db/adminDocuments';
import { getById } from '../../db/ops';
import { defineAction } from '../../runtime/defineAction';
import { fail } from '../../runtime/failure';
import { auditEntry, withoutId } from '../admin/auditLog';
import { inTransaction, TxRefusal } from '../admin/transaction';
import { deadlineOf } from './deadline';
import { sendPlanMessage, today, writersOf } from './notify';
import { allStreetSubjects, canReview, canWrite, pairedUnits, plansOf, slotOf } from './subjects';
import { planView, withLinks } from './views';

/** plans.list — every unit (or street) in the office's scope with its plan or none: late ones show as late. */
export const listPlans = defineAction({
  name: 'plans.list',
  input: listPlansInput,
  access: ['streetOffice', 'districtOffice'],
  async run({ db, caller, now }, input) {
    const scope = adminScopeOf(caller.grants);
    const year = input.year ?? yearOf(now).year;
    const deadline = await deadlineOf(db, year);
    const subjects = (input.subjectType === 'unit' ? await pairedUnits(db, year) : await allStreetSubjects(db)).filter((subject) => managesStreet(scope, subject.streetId));
    const plans = await plansOf(db, year, input.subjectType);
    const slots = subjects.map((subject) => slotOf(subject, plans.get(subject.subjectId), deadline, now));
    const counts: Record<PlanTiming, number> = { open: 0, dueSoon: 0, overdue: 0, onTime: 0, late: 0 };
    for (const slot of slots) counts[slot.timing] += 1;
    return { year, deadline, slots, counts, canSetDeadline: scope.district };
  },
});

/** plans.get — one plan, for its writers and the offices over it. */
export const getPlan = defineAction({
  name: 'plans.get',
  input: planRefInput,
  access: 'person',
  async run({ db, cloud, caller, now }, input) {
    const plan = await getById<WorkPlanDocument>(db.collection('workPlans'), input.planId);
    const scope = adminScopeOf(caller.grants);
    const mayReview = plan ? canReview(scope, plan) : false;
    const mayWrite = plan ? canWrite(scope, plan) : false;
    if (!plan || !(mayReview || mayWrite || (isOffice(scope) && managesStreet(scope, plan.streetId)))) fail('NOT_FOUND', `plan ${input.planId} not visible to ${caller.personId}`, { userMessage: '找不到该方案' });
    return { plan: await withLinks(cloud, planView(plan, await deadlineOf(db, plan.year), now)), canReview: mayReview && plan.state === 'submitted', canEdit: mayWrite && (plan.state === 'draft' || plan.state === 'returned') };
  },
});

/** plans.review — the office accepts a submitted plan, or returns it with comments (the unit is told). */
export const reviewPlan = defineAction({
  name: 'plans.review',
  input: reviewPlanInput,
  access: ['streetOffice', 'districtOffice'],
  async run({ db, cloud, caller, now }, input) {
    const plan = await getById<WorkPlanDocument>(db.collection('workPlans'), input.planId);
    if (!plan) fail('NOT_FOUND', `plan ${input.planId}`, { userMessage: '找不到该方案' });
    if (!canReview(adminScopeOf(caller.grants), plan)) {
      fail('FORBIDDEN', `person ${caller.personId} may not review ${plan._id}`, { userMessage: plan.subjectType === 'street' ? '街道的结对工作安排由区委党群共建办审阅' : '超出您的管理范围' });
    }
    const review = { at: now, byId: caller.personId, byName: caller.name, decision: input.decision, comment: input.comment ?? '' };
    let reviewed: WorkPlanDocument | undefined;
    try {
      await inTransaction(db, async (tx) => {
        const stored = (await tx.collection('workPlans').doc(plan._id).get()).data as WorkPlanDocument;
        const move = planTransition(stored.state, input.decision);
        if (!move.ok) throw new TxRefusal(move.reason);
        await tx.collection('workPlans').doc(plan._id).update({ data: { state: move.next, reviews: db.command.push(review), updatedAt: now } });
        await tx.collection('auditTrail').add({
          data: auditEntry(caller, now, {
            action: input.decision === 'accept' ? 'plan.accept' : 'plan.return',
            subjectType: 'plan',
            subjectId: plan._id,
            subjectName: `${plan.subjectName} ${plan.year} 年度方案`,
            unitId: plan.subjectType === 'unit' ? plan.subjectId : null,
            orgId: null,
            personId: null,
            streetIds: [plan.streetId],
            changes: [{ field: '状态', before: stored.state, after: move.next }],
            note: review.comment,
          }),
        });
        reviewed = { ...stored, state: move.next, reviews: [...stored.reviews, review], updatedAt: now };
      });
    } catch (error) {
      if (error instanceof TxRefusal) fail('CONFLICT', `plan ${plan._id}: ${error.reason}`, { userMessage: error.reason });
      throw error;
    }
    if (input.decision === 'return') {
      for (const person of await writersOf(db, plan.subjectType, plan.subjectId)) {
        await sendPlanMessage(cloud, person.openid, { title: `${plan.year}年度工作方案已退回`, subjectName: plan.subjectName, date: today(now), note: review.comment || '请按意见修改后再提交' });
      }
    }
    return { plan: planView(reviewed!, await deadlineOf(db, plan.year), now) };
  },
});

/** plans.setDeadline — the district office sets the year's deadline (the notice's default: 15 November). */
export const setDeadline = defineAction({
  name: 'plans.setDeadline',
  input: setDeadlineInput,
  access: ['districtOffice'],
  async run({ db, caller, now }, input) {
    if (!input.deadline.startsWith(`${input.year}-`) && !input.deadline.startsWith(`${input.year - 1}-`)) {
      fail('INVALID_INPUT', `deadline ${input.deadline} for ${input.year}`, { field: 'deadline', userMessage: `截止日期须在 ${input.year - 1} 或 ${input.year} 年内` });
    }
    const before = await deadlineOf(db, input.year);
    const settings: PlanSettingsDocument = { _id: `deadline-${input.year}`, year: input.year, deadline: input.deadline, setBy: caller.personId, setAt: now };
    await inTransaction(db, async (tx) => {
      await tx.collection('planSettings').doc(settings._id).set({ data: withoutId(settings) });
      await tx.collection('auditTrail').add({
        data: auditEntry(caller, now, {
          action: 'deadline.set',
          subjectType: 'deadline',
          subjectId: settings._id,
          subjectName: `${input.year} 年度工作方案截止日期`,
          unitId: null,
          orgId: null,
          personId: null,
          streetIds: [],
          changes: [{ field: '截止日期', before, after: input.deadline }],
          note: '',
        }),
      });
    });
    return { year: input.year, deadline: input.deadline };
  },
});
