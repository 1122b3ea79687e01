import { pointsActions } from '../../server/actions/points';
import { createFunction } from '../../server/runtime/createFunction';

/** Cloud function `points`: the points table, self-assessment, dashboards, exports and the annual assessment. */
export const main = createFunction(pointsActions);
