import { feedbackTransition } from '../../../src/domain/admin/feedback';
import type { FeedbackEvent } from '../../../src/domain/admin/feedback';
import type { FeedbackDocument, FeedbackMessage } from '../../db/adminDocuments';
import type { Tx } from '../../db/transaction';
import { inTransaction, TxRefusal } from '../../db/transaction';
import { feedbackRepository } from '../../repositories/feedback';
import type { CloudDatabase } from '../../runtime/cloud';
import { fail } from '../../runtime/failure';

/**
 * Moves one item by a transition, adding a message, in a transaction (`alongside`: more writes of
 * the same transaction, e.g. the audit entry of an answer). A refused transition fails as CONFLICT.
 */
export async function moveFeedback(
  db: CloudDatabase,
  feedbackId: string,
  event: FeedbackEvent,
  message: FeedbackMessage | null,
  now: Date,
  alongside: (tx: Tx, stored: FeedbackDocument) => Promise<void> = async () => undefined,
): Promise<FeedbackDocument> {
  const feedback = feedbackRepository(db);
  let moved: FeedbackDocument | undefined;
  try {
    await inTransaction(db, async (tx) => {
      const stored = await feedback.inTx(tx).get(feedbackId);
      const move = feedbackTransition(stored.state, event);
      if (!move.ok) throw new TxRefusal(move.reason);
      await feedback.inTx(tx).move(feedbackId, move.next, message, now);
      await alongside(tx, stored);
      moved = { ...stored, state: move.next, updatedAt: now, messages: message ? [...stored.messages, message] : stored.messages };
    });
  } catch (error) {
    if (error instanceof TxRefusal) fail('CONFLICT', `feedback ${feedbackId}: ${error.reason}`, { userMessage: error.reason });
    throw error;
  }
  return moved!;
}
