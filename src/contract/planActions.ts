import type { Io } from './io';
import type { listPlansInput, minePlansInput, MinePlansView, PlanListView, planRefInput, PlanView, reviewPlanInput, savePlanInput, setDeadlineInput, submitPlanInput } from './plans';

/** Cloud function `plans`: 工作方案 and street arrangements, their deadline, review and reminders (timer). */
export interface PlanActionMap {
  'plans.mine': Io<typeof minePlansInput, MinePlansView>;
  'plans.save': Io<typeof savePlanInput, { plan: PlanView }>;
  'plans.submit': Io<typeof submitPlanInput, { plan: PlanView }>;
  'plans.list': Io<typeof listPlansInput, PlanListView>;
  'plans.get': Io<typeof planRefInput, { plan: PlanView; canReview: boolean; canEdit: boolean }>;
  'plans.review': Io<typeof reviewPlanInput, { plan: PlanView }>;
  'plans.setDeadline': Io<typeof setDeadlineInput, { year: number; deadline: string }>;
}
