import { feedbackRefInput } from '../../../src/contract/feedback';
import { defineAction } from '../../runtime/defineAction';
import { moveOwnFeedback } from './senderIdentity';
import { toFeedbackView } from './toFeedbackView';

/** feedback.close — the sender is satisfied (已办结). Two requests: the conditional write, and the item read (moveOwnFeedback). */
export const closeFeedback = defineAction({
  name: 'feedback.close',
  input: feedbackRefInput,
  access: 'openid',
  async run({ db, openid, now }, input) {
    return { feedback: toFeedbackView(await moveOwnFeedback(db, openid, input.feedbackId, 'close', null, now)) };
  },
});
