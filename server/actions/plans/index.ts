import { createFunction } from '../../runtime/createFunction';
import { createTimerFunction } from '../../runtime/createTimerFunction';
import { getPlan } from './getPlan';
import { listPlans } from './listPlans';
import { minePlans } from './minePlans';
import { runPlanReminders } from './planReminderJob';
import { reviewPlan } from './reviewPlan';
import { savePlan } from './savePlan';
import { setDeadline } from './setDeadline';
import { submitPlan } from './submitPlan';

export const planActions = [minePlans, savePlan, submitPlan, listPlans, getPlan, reviewPlan, setDeadline];

const actions = createFunction(planActions);
const timer = createTimerFunction(runPlanReminders);

/**
 * The `plans` function answers the pages' actions and, once a day, its own timer trigger
 * (`{ Type: 'Timer' }`); a timer event from a person is refused by the timer wrapper.
 */
export async function plansMain(event: unknown): Promise<unknown> {
  const isTimer = typeof event === 'object' && event !== null && (event as { Type?: unknown }).Type === 'Timer';
  return isTimer ? timer() : actions(event);
}
