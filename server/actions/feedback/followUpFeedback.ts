import { followUpInput } from '../../../src/contract/feedback';
import { defineAction } from '../../runtime/defineAction';
import { moveFeedback } from './moveFeedback';
import { ownFeedbackOrFail, requireIdentity } from './senderIdentity';
import { toFeedbackView } from './toFeedbackView';

/** feedback.followUp — the sender adds to an answered item; it waits for the office again. */
export const followUpFeedback = defineAction({
  name: 'feedback.followUp',
  input: followUpInput,
  access: 'anyone',
  async run({ db, openid, now }, input) {
    const feedback = await ownFeedbackOrFail(db, requireIdentity(openid), input.feedbackId);
    return { feedback: toFeedbackView(await moveFeedback(db, feedback._id, 'followUp', { from: 'sender', text: input.text, at: now }, now)) };
  },
});
