import { feedbackRefInput, followUpInput, mineFeedbackInput, sendFeedbackInput } from '../../../src/contract/feedback';
import { feedbackTransition } from '../../../src/domain/admin/feedback';
import type { FeedbackDocument, FeedbackMessage } from '../../db/adminDocuments';
import type { OrgDocument, UnitDocument } from '../../db/documents';
import { countOf, findAll, getById, insert } from '../../db/ops';
import type { CloudDatabase } from '../../runtime/cloud';
import type { Caller } from '../../runtime/context';
import { defineAction } from '../../runtime/defineAction';
import { fail } from '../../runtime/failure';
import { newToken } from '../../runtime/tokens';
import { inTransaction, TxRefusal } from '../admin/transaction';
import { feedbackReplyTemplate } from './templates';
import { feedbackView } from './views';

/** At most this many a day from one WeChat identity (a flood is not a complaint). */
const DAILY_LIMIT = 10;

function requireIdentity(openid: string | undefined): string {
  if (!openid) fail('UNAUTHENTICATED', 'feedback without a WeChat identity');
  return openid;
}

/** The streets of the sender's units, orgs and offices: their offices may answer too. */
async function streetsOf(db: CloudDatabase, caller: Caller | null): Promise<string[]> {
  if (!caller) return [];
  const _ = db.command;
  const units = caller.grants.filter((grant) => grant.scopeType === 'unit').map((grant) => grant.scopeId);
  const orgs = caller.grants.filter((grant) => grant.scopeType === 'org').map((grant) => grant.scopeId);
  const streets = caller.grants.filter((grant) => grant.scopeType === 'street').map((grant) => grant.scopeId);
  const [unitDocs, orgDocs] = await Promise.all([
    units.length > 0 ? findAll<UnitDocument>(db.collection('units').where({ _id: _.in(units) }).limit(100)) : [],
    orgs.length > 0 ? findAll<OrgDocument>(db.collection('orgs').where({ _id: _.in(orgs) }).limit(100)) : [],
  ]);
  return [...new Set([...streets, ...unitDocs.map((unit) => unit.streetId), ...orgDocs.map((org) => org.streetId)])];
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
    const today = await countOf(db.collection('feedback').where({ senderOpenid: sender, createdAt: db.command.gte(new Date(now.getTime() - 86_400_000)) }));
    if (today >= DAILY_LIMIT) fail('RATE_LIMITED', `feedback flood from ${sender}`, { userMessage: '今天已提交较多，请明天再提交，或直接联系党群共建办' });
    const feedback: FeedbackDocument = {
      _id: `feedback-${newToken()}`,
      category: input.category,
      state: 'pending',
      anonymous: input.anonymous,
      senderOpenid: sender,
      senderPersonId: input.anonymous ? null : (caller?.personId ?? null),
      senderName: input.anonymous ? null : (caller?.name ?? null),
      contact: input.anonymous ? null : (input.contact || null),
      page: input.page ?? null,
      streetIds: input.anonymous ? [] : await streetsOf(db, caller),
      messages: [{ from: 'sender', text: input.content, at: now }],
      createdAt: now,
      updatedAt: now,
    };
    await insert(db.collection('feedback'), feedback);
    return { feedback: feedbackView(feedback) };
  },
});

/** feedback.mine — what the caller sent, with the answers, newest first. */
export const mineFeedback = defineAction({
  name: 'feedback.mine',
  input: mineFeedbackInput,
  access: 'anyone',
  async run({ db, openid }) {
    const sender = requireIdentity(openid);
    const items = await findAll<FeedbackDocument>(db.collection('feedback').where({ senderOpenid: sender }).orderBy('createdAt', 'desc').limit(50));
    return { items: items.map(feedbackView), replyTemplateId: feedbackReplyTemplate.id };
  },
});

async function ownFeedback(db: CloudDatabase, openid: string, feedbackId: string): Promise<FeedbackDocument> {
  const feedback = await getById<FeedbackDocument>(db.collection('feedback'), feedbackId);
  if (!feedback || feedback.senderOpenid !== openid) fail('NOT_FOUND', `feedback ${feedbackId} not the caller's`, { userMessage: '找不到这条投诉建议' });
  return feedback;
}

/** Moves one feedback by a transition, adding a message, in a transaction. */
export async function moveFeedback(db: CloudDatabase, feedbackId: string, event: 'answer' | 'followUp' | 'close', message: FeedbackMessage | null, now: Date, extra: (tx: Parameters<Parameters<typeof inTransaction>[1]>[0], stored: FeedbackDocument) => Promise<void> = async () => undefined): Promise<FeedbackDocument> {
  let moved: FeedbackDocument | undefined;
  try {
    await inTransaction(db, async (tx) => {
      const stored = (await tx.collection('feedback').doc(feedbackId).get()).data as FeedbackDocument;
      const move = feedbackTransition(stored.state, event);
      if (!move.ok) throw new TxRefusal(move.reason);
      await tx.collection('feedback').doc(feedbackId).update({ data: { state: move.next, updatedAt: now, ...(message ? { messages: db.command.push(message) } : {}) } });
      await extra(tx, stored);
      moved = { ...stored, state: move.next, updatedAt: now, messages: message ? [...stored.messages, message] : stored.messages };
    });
  } catch (error) {
    if (error instanceof TxRefusal) fail('CONFLICT', `feedback ${feedbackId}: ${error.reason}`, { userMessage: error.reason });
    throw error;
  }
  return moved!;
}

/** feedback.followUp — the sender adds to an answered item; it waits for the office again. */
export const followUpFeedback = defineAction({
  name: 'feedback.followUp',
  input: followUpInput,
  access: 'anyone',
  async run({ db, openid, now }, input) {
    const feedback = await ownFeedback(db, requireIdentity(openid), input.feedbackId);
    return { feedback: feedbackView(await moveFeedback(db, feedback._id, 'followUp', { from: 'sender', text: input.text, at: now }, now)) };
  },
});

/** feedback.close — the sender is satisfied (已办结). */
export const closeFeedback = defineAction({
  name: 'feedback.close',
  input: feedbackRefInput,
  access: 'anyone',
  async run({ db, openid, now }, input) {
    const feedback = await ownFeedback(db, requireIdentity(openid), input.feedbackId);
    return { feedback: feedbackView(await moveFeedback(db, feedback._id, 'close', null, now)) };
  },
});

