import { planRefInput } from '../../../src/contract/plans';
import { plansRepository } from '../../repositories/plans';
import { defineAction } from '../../runtime/defineAction';
import { fail } from '../../runtime/failure';
import { deadlineOf } from './deadlineOf';
import { mayReviewPlan, mayWritePlan } from './planPermissions';
import { toPlanView, withLinks } from './toPlanView';

/** plans.get — one plan, for its writers and the offices over it. */
export const getPlan = defineAction({
  name: 'plans.get',
  input: planRefInput,
  access: 'person',
  async run({ db, cloud, caller, now }, input) {
    const plan = await plansRepository(db).byId(input.planId);
    const mayReview = plan ? mayReviewPlan(caller, plan) : false;
    const mayWrite = plan ? mayWritePlan(caller, plan) : false;
    if (!plan || !(mayReview || mayWrite)) fail('NOT_FOUND', `plan ${input.planId} not visible to ${caller.personId}`, { userMessage: '找不到该方案' });
    return {
      plan: await withLinks(cloud, toPlanView(plan, await deadlineOf(db, plan.year), now)),
      canReview: mayReview && plan.state === 'submitted',
      canEdit: mayWrite && (plan.state === 'draft' || plan.state === 'returned'),
    };
  },
});
