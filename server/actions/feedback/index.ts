import { answerFeedback, listFeedback } from './office';
import { closeFeedback, followUpFeedback, mineFeedback, sendFeedback } from './sender';

export const feedbackActions = [sendFeedback, mineFeedback, followUpFeedback, closeFeedback, listFeedback, answerFeedback];
