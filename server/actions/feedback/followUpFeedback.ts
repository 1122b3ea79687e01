import { followUpInput } from '../../../src/contract/feedback';
import { defineAction } from '../../runtime/defineAction';
import { moveOwnFeedback } from './senderIdentity';
import { toFeedbackView } from './toFeedbackView';

/**
 * feedback.followUp — the sender adds to an answered item; it waits for the office again. Two
 * requests: the conditional write adding the message, and the item read (moveOwnFeedback).
 */
export const followUpFeedback = defineAction({
  name: 'feedback.followUp',
  input: followUpInput,
  access: 'openid',
  async run({ db, openid, now }, input) {
    return { feedback: toFeedbackView(await moveOwnFeedback(db, openid, input.feedbackId, 'followUp', { from: 'sender', text: input.text, at: now }, now)) };
  },
});
