import { reviewPlanInput } from '../../../src/contract/plans';
import { planTransition } from '../../../src/domain/admin/workPlans';
import { chinaDateString } from '../../../src/domain/time/chinaTime';
import type { PlanReview, WorkPlanDocument } from '../../db/adminDocuments';
import { inTransaction, TxRefusal } from '../../db/transaction';
import { sendMessage } from '../../messaging/send';
import { templates } from '../../messaging/templates';
import { adminPeopleRepository } from '../../repositories/adminPeople';
import { auditEntry, recordAudit } from '../../repositories/auditLog';
import { plansRepository } from '../../repositories/plans';
import { defineAction } from '../../runtime/defineAction';
import { fail } from '../../runtime/failure';
import { deadlineOf } from './deadlineOf';
import { mayReviewPlan } from './planPermissions';
import { toPlanView } from './toPlanView';

/** The people who write a unit's plan (its staff and head) or a street's arrangement (its office). */
const writerRoles = { unit: ['unitStaff', 'unitHead'], street: ['streetOffice'] } as const;

/** plans.review — the office accepts a submitted plan, or returns it with comments (the unit is told). */
export const reviewPlan = defineAction({
  name: 'plans.review',
  input: reviewPlanInput,
  access: ['streetOffice', 'districtOffice'],
  async run({ db, cloud, caller, now }, input) {
    const plans = plansRepository(db);
    const plan = await plans.byId(input.planId);
    if (!plan) fail('NOT_FOUND', `plan ${input.planId}`, { userMessage: '找不到该方案' });
    if (!mayReviewPlan(caller, plan)) {
      fail('FORBIDDEN', `person ${caller.personId} may not review ${plan._id}`, { userMessage: plan.subjectType === 'street' ? '街道的结对工作安排由区委党群共建办审阅' : '超出您的管理范围' });
    }
    const review: PlanReview = { at: now, byId: caller.personId, byName: caller.name, decision: input.decision, comment: input.comment ?? '' };
    let reviewed: WorkPlanDocument | undefined;
    try {
      await inTransaction(db, async (tx) => {
        const stored = await plans.inTx(tx).get(plan._id);
        const move = planTransition(stored.state, input.decision);
        if (!move.ok) throw new TxRefusal(move.reason);
        await plans.inTx(tx).review(plan._id, move.next, review, now);
        await recordAudit(
          tx,
          auditEntry(caller, now, {
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
        );
        reviewed = { ...stored, state: move.next, reviews: [...stored.reviews, review], updatedAt: now };
      });
    } catch (error) {
      if (error instanceof TxRefusal) fail('CONFLICT', `plan ${plan._id}: ${error.reason}`, { userMessage: error.reason });
      throw error;
    }
    if (input.decision === 'return') {
      for (const person of await adminPeopleRepository(db).holding(writerRoles[plan.subjectType], plan.subjectId)) {
        await sendMessage(cloud, templates.planReminder, {
          to: person.openid,
          values: { thing1: `${plan.year}年度工作方案已退回`, thing2: plan.subjectName, date3: chinaDateString(now), thing4: review.comment || '请按意见修改后再提交' },
        });
      }
    }
    return { plan: toPlanView(reviewed!, await deadlineOf(db, plan.year), now) };
  },
});
