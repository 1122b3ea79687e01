import type { FeedbackDocument } from '../../db/adminDocuments';
import { feedbackRepository } from '../../repositories/feedback';
import type { CloudDatabase } from '../../runtime/cloud';
import { fail } from '../../runtime/failure';

/** Feedback is kept by the sender's WeChat identity (signed in or not); none without one. */
export function requireIdentity(openid: string | undefined): string {
  if (!openid) fail('UNAUTHENTICATED', 'feedback without a WeChat identity');
  return openid;
}

/** An item the caller sent; anyone else's is not found. */
export async function ownFeedbackOrFail(db: CloudDatabase, openid: string, feedbackId: string): Promise<FeedbackDocument> {
  const feedback = await feedbackRepository(db).byId(feedbackId);
  if (!feedback || feedback.senderOpenid !== openid) fail('NOT_FOUND', `feedback ${feedbackId} not the caller's`, { userMessage: '找不到这条投诉建议' });
  return feedback;
}
