import { reviewPlanInput } from '../../../src/contract/plans';
import { planTransition } from '../../../src/domain/admin/workPlans';
import { chinaDateString } from '../../../src/domain/time/chinaTime';
import type { PlanHistoryEntry, PlanReview, WorkPlanDocument } from '../../db/adminDocuments';
import { sendMessage } from '../../messaging/send';
import { templates } from '../../messaging/templates';
import { adminPeopleRepository } from '../../repositories/adminPeople';
import { plansRepository, planYearOfId } from '../../repositories/plans';
import { defineAction } from '../../runtime/defineAction';
import { fail } from '../../runtime/failure';
import { deadlineIn } from './deadlineOf';
import { mayReviewPlan } from './planPermissions';
import { toPlanView } from './toPlanView';

/** The people who write a unit's plan (its staff and head) or a street's arrangement (its office). */
const writerRoles = { unit: ['unitStaff', 'unitHead'], street: ['streetOffice'] } as const;

/**
 * plans.review — the office accepts a submitted plan, or returns it with comments (the unit's writers
 * are told). Three round trips: the caller; the plan beside the year's deadline setting; one conditional
 * write of the decision with its history entry (通过/退回工作方案 in the audit trail). A return then
 * reads whom to tell.
 */
export const reviewPlan = defineAction({
  name: 'plans.review',
  input: reviewPlanInput,
  access: ['streetOffice', 'districtOffice'],
  async run({ db, cloud, caller, now }, input) {
    const plans = plansRepository(db);
    const year = planYearOfId(input.planId);
    const [plan, settings] = await Promise.all([plans.byId(input.planId), year === undefined ? undefined : plans.settingsOf(year)]);
    if (!plan) fail('NOT_FOUND', `plan ${input.planId}`, { userMessage: '找不到该方案' });
    if (!mayReviewPlan(caller, plan)) {
      fail('FORBIDDEN', `person ${caller.personId} may not review ${plan._id}`, { userMessage: plan.subjectType === 'street' ? '街道的结对工作安排由区委党群共建办审阅' : '超出您的管理范围' });
    }
    const move = planTransition(plan.state, input.decision);
    if (!move.ok) fail('CONFLICT', `plan ${plan._id}: ${move.reason}`, { userMessage: move.reason });
    const review: PlanReview = { at: now, byId: caller.personId, byName: caller.name, decision: input.decision, comment: input.comment ?? '' };
    const entry: PlanHistoryEntry = { at: now, actorId: caller.personId, actorName: caller.name, event: input.decision, from: plan.state, note: review.comment };
    // The state is re-checked by the write itself: of two offices deciding at once, one decides.
    if (!(await plans.review(plan, move.next, review, entry))) fail('CONFLICT', `plan ${plan._id} changed while reviewing`, { userMessage: '方案刚被其他人审阅，请刷新后查看' });
    const reviewed: WorkPlanDocument = { ...plan, state: move.next, reviews: [...plan.reviews, review], history: [...(plan.history ?? []), entry], updatedAt: now };
    if (input.decision === 'return') {
      for (const person of await adminPeopleRepository(db).holding(writerRoles[plan.subjectType], plan.subjectId)) {
        await sendMessage(cloud, templates.planReminder, {
          to: person.openid,
          values: { thing1: `${plan.year}年度工作方案已退回`, thing2: plan.subjectName, date3: chinaDateString(now), thing4: review.comment || '请按意见修改后再提交' },
        });
      }
    }
    return { plan: toPlanView(reviewed, deadlineIn(settings, plan.year), now) };
  },
});
