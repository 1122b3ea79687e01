import type { FeedbackState } from '../../src/domain/admin/feedback';
import type { FeedbackDocument, FeedbackMessage } from '../db/adminDocuments';
import { Collection } from '../db/collection';
import type { Tx } from '../db/transaction';
import type { CloudDatabase } from '../runtime/cloud';

/** 投诉建议 and their answers. */
export function feedbackRepository(db: CloudDatabase) {
  const feedback = new Collection<FeedbackDocument>(db, 'feedback');
  const _ = db.command;
  return {
    byId: (feedbackId: string): Promise<FeedbackDocument | undefined> => feedback.byId(feedbackId),
    /** How many items match (the office workbench's 待答复). */
    count: (where: object): Promise<number> => feedback.count(where),
    /** How many one WeChat identity sent since this instant. */
    sentSince: (senderOpenid: string, since: Date): Promise<number> => feedback.count({ senderOpenid, createdAt: _.gte(since) }),
    add: async (item: FeedbackDocument): Promise<void> => {
      await feedback.insert(item);
    },
    /** What one WeChat identity sent, newest first, at most 50. */
    sentBy: (senderOpenid: string): Promise<FeedbackDocument[]> => feedback.find({ senderOpenid }, { orderBy: [['createdAt', 'desc']], limit: 50 }),
    /** A page of the matching items, newest first. */
    page: (where: object, skip: number, limit: number): Promise<FeedbackDocument[]> => feedback.find(where, { orderBy: [['createdAt', 'desc']], skip, limit }),
    inTx: (tx: Tx) => ({
      get: async (feedbackId: string): Promise<FeedbackDocument> => (await tx.collection('feedback').doc(feedbackId).get()).data as FeedbackDocument,
      /** The item's new state, with the message that moved it (if any) added to the exchange. */
      move: async (feedbackId: string, state: FeedbackState, message: FeedbackMessage | null, now: Date): Promise<void> => {
        await tx.collection('feedback').doc(feedbackId).update({ data: { state, updatedAt: now, ...(message ? { messages: _.push(message) } : {}) } });
      },
    }),
  };
}
