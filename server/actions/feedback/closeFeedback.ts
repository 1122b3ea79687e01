import { feedbackRefInput } from '../../../src/contract/feedback';
import { defineAction } from '../../runtime/defineAction';
import { moveFeedback } from './moveFeedback';
import { ownFeedbackOrFail, requireIdentity } from './senderIdentity';
import { toFeedbackView } from './toFeedbackView';

/** feedback.close — the sender is satisfied (已办结). */
export const closeFeedback = defineAction({
  name: 'feedback.close',
  input: feedbackRefInput,
  access: 'anyone',
  async run({ db, openid, now }, input) {
    const feedback = await ownFeedbackOrFail(db, requireIdentity(openid), input.feedbackId);
    return { feedback: toFeedbackView(await moveFeedback(db, feedback._id, 'close', null, now)) };
  },
});
