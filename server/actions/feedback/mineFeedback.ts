import { mineFeedbackInput } from '../../../src/contract/feedback';
import { templates } from '../../messaging/templates';
import { feedbackRepository } from '../../repositories/feedback';
import { defineAction } from '../../runtime/defineAction';
import { requireIdentity } from './senderIdentity';
import { toFeedbackView } from './toFeedbackView';

/** feedback.mine — what the caller sent, with the answers, newest first. */
export const mineFeedback = defineAction({
  name: 'feedback.mine',
  input: mineFeedbackInput,
  access: 'anyone',
  async run({ db, openid }) {
    const items = await feedbackRepository(db).sentBy(requireIdentity(openid));
    return { items: items.map(toFeedbackView), replyTemplateId: templates.feedbackReply.id };
  },
});
