import { answerFeedback } from './answerFeedback';
import { closeFeedback } from './closeFeedback';
import { followUpFeedback } from './followUpFeedback';
import { listFeedback } from './listFeedback';
import { mineFeedback } from './mineFeedback';
import { sendFeedback } from './sendFeedback';

/** The actions of the cloud function `feedback`. */
export const feedbackActions = [sendFeedback, mineFeedback, followUpFeedback, closeFeedback, listFeedback, answerFeedback];
