import { feedbackActions } from '../../server/actions/feedback';
import { createFunction } from '../../server/runtime/createFunction';

/** Cloud function `feedback`: 投诉建议 (国办函〔2026〕12号) — send, answers, notification. */
export const main = createFunction(feedbackActions);
