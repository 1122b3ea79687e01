import { activityActions } from '../../server/actions/activities';
import { createFunction } from '../../server/runtime/createFunction';

/** Cloud function `activities`: quarterly joint activities (一季一活动) and venue attendance. */
export const main = createFunction(activityActions);
