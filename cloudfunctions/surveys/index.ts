import { surveyActions } from '../../server/actions/surveys';
import { createFunction } from '../../server/runtime/createFunction';

/** Cloud function `surveys`: evaluation rounds (评议), anonymous answers, results and points. */
export const main = createFunction(surveyActions);
