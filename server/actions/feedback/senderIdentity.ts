import { feedbackMove, feedbackTransition } from '../../../src/domain/admin/feedback';
import type { FeedbackEvent } from '../../../src/domain/admin/feedback';
import type { FeedbackDocument, FeedbackMessage } from '../../db/adminDocuments';
import { feedbackRepository } from '../../repositories/feedback';
import type { CloudDatabase } from '../../runtime/cloud';
import { fail } from '../../runtime/failure';

/** Feedback is kept by the sender's WeChat identity (signed in or not); none without one. */
export function requireIdentity(openid: string | undefined): string {
  if (!openid) fail('UNAUTHENTICATED', 'feedback without a WeChat identity');
  return openid;
}

/**
 * Moves an item the caller sent by `event` (adding the message, if any) in one conditional write: the
 * database checks that this WeChat identity sent it and that its state allows the move
 * (`feedbackMove`), so a thread that moved on meanwhile is never moved from a stale read. The item is
 * read after: to answer it as it now is or, when nothing moved, to say why, as before: anyone else's
 * is not found, a refused transition gives its reason (CONFLICT). Two requests either way.
 */
export async function moveOwnFeedback(db: CloudDatabase, openid: string, feedbackId: string, event: FeedbackEvent, message: FeedbackMessage | null, now: Date): Promise<FeedbackDocument> {
  const feedback = feedbackRepository(db);
  const { from, to } = feedbackMove(event);
  const moved = await feedback.moveSenders(feedbackId, openid, from, to, message, now);
  const stored = await feedback.byId(feedbackId);
  if (!stored || stored.senderOpenid !== openid) fail('NOT_FOUND', `feedback ${feedbackId} not the caller's`, { userMessage: '找不到这条投诉建议' });
  if (!moved) {
    const move = feedbackTransition(stored.state, event);
    // Refused by a state that changed again between the write and this read: the default CONFLICT message.
    fail('CONFLICT', `feedback ${feedbackId} ${event} refused in state ${stored.state}`, move.ok ? {} : { userMessage: move.reason });
  }
  return stored;
}
