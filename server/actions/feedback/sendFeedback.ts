import { sendFeedbackInput } from '../../../src/contract/feedback';
import type { FeedbackDocument } from '../../db/adminDocuments';
import { feedbackRepository } from '../../repositories/feedback';
import type { CloudDatabase } from '../../runtime/cloud';
import type { Caller } from '../../runtime/context';
import { defineAction } from '../../runtime/defineAction';
import { fail } from '../../runtime/failure';
import { newToken } from '../../runtime/tokens';
import { requireIdentity } from './senderIdentity';
import { toFeedbackView } from './toFeedbackView';

/** At most this many a day from one WeChat identity (a flood is not a complaint). */
const DAILY_LIMIT = 10;

/**
 * The daily count and, when named, the streets of the sender's units, orgs and offices (their
 * offices may answer too, `office.feedback`): one request whoever sends.
 */
async function sendingContext(db: CloudDatabase, sender: string, caller: Caller | null, named: boolean, since: Date): Promise<{ sent: number; streetIds: string[] }> {
  const feedback = feedbackRepository(db);
  if (!caller || !named) return { sent: await feedback.sentSince(sender, since), streetIds: [] };
  const scopeIds = (scopeType: 'unit' | 'org' | 'street') => caller.grants.filter((grant) => grant.scopeType === scopeType).map((grant) => grant.scopeId);
  const read = await feedback.sendingContext({ personId: caller.personId, openid: sender, unitIds: scopeIds('unit'), orgIds: scopeIds('org') }, since, DAILY_LIMIT);
  if (!read) return { sent: await feedback.sentSince(sender, since), streetIds: scopeIds('street') };
  return { sent: read.sent, streetIds: [...new Set([...scopeIds('street'), ...read.streetIds])] };
}

/**
 * feedback.send — anyone signed in sends a complaint or a suggestion. Anonymous: the offices see
 * neither name nor contact nor street (it goes to the district office); the sender still reads the
 * answer, by their WeChat identity, which no office ever sees.
 */
export const sendFeedback = defineAction({
  name: 'feedback.send',
  input: sendFeedbackInput,
  access: 'anyone',
  async run({ db, openid, caller, now }, input) {
    const sender = requireIdentity(openid);
    const feedback = feedbackRepository(db);
    const context = await sendingContext(db, sender, caller, !input.anonymous, new Date(now.getTime() - 86_400_000));
    if (context.sent >= DAILY_LIMIT) {
      fail('RATE_LIMITED', `feedback flood from ${sender}`, { userMessage: '今天已提交较多，请明天再提交，或直接联系党群共建办' });
    }
    const item: FeedbackDocument = {
      _id: `feedback-${newToken()}`,
      category: input.category,
      state: 'pending',
      anonymous: input.anonymous,
      senderOpenid: sender,
      senderPersonId: input.anonymous ? null : (caller?.personId ?? null),
      senderName: input.anonymous ? null : (caller?.name ?? null),
      contact: input.anonymous ? null : (input.contact || null),
      page: input.page ?? null,
      streetIds: context.streetIds,
      messages: [{ from: 'sender', text: input.content, at: now }],
      createdAt: now,
      updatedAt: now,
    };
    await feedback.add(item);
    return { feedback: toFeedbackView(item) };
  },
});
