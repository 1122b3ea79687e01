import type { FeedbackState } from '../../src/domain/admin/feedback';
import type { FeedbackDocument, FeedbackMessage } from '../db/adminDocuments';
import { aggregateAll, Collection } from '../db/collection';
import { pipeline } from '../db/commands';
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
    /**
     * In one request, what sending needs of a signed-in person: up to `most` items their WeChat identity
     * sent since `since` (the daily limit) and the streets of their units and orgs. The aggregate starts
     * from the person's own document, so it answers one row whatever they sent and hold; undefined
     * when that document is gone.
     */
    sendingContext: async (person: { readonly personId: string; readonly openid: string; readonly unitIds: readonly string[]; readonly orgIds: readonly string[] }, since: Date, most: number) => {
      const streetsOf = (from: 'units' | 'orgs', ids: readonly string[], as: string) => ({ from, pipeline: pipeline(db).match({ _id: _.in([...ids]) }).project({ streetId: 1 }).done(), as });
      const sent = pipeline(db).match({ senderOpenid: person.openid, createdAt: _.gte(since) }).project({ _id: 1 }).done() as object[];
      let chain = new Collection<{ _id: string }>(db, 'people')
        .aggregate()
        .match({ _id: person.personId })
        .project({ _id: 1 })
        .lookup({ from: 'feedback', pipeline: [...sent, { $limit: most }], as: 'sent' });
      if (person.unitIds.length > 0) chain = chain.lookup(streetsOf('units', person.unitIds, 'units'));
      if (person.orgIds.length > 0) chain = chain.lookup(streetsOf('orgs', person.orgIds, 'orgs'));
      const [row] = await aggregateAll<{ sent: unknown[]; units?: Array<{ streetId: string }>; orgs?: Array<{ streetId: string }> }>(chain.limit(1));
      if (!row) return undefined;
      return { sent: row.sent.length, streetIds: [...(row.units ?? []), ...(row.orgs ?? [])].map((found) => found.streetId) };
    },
    add: async (item: FeedbackDocument): Promise<void> => {
      await feedback.insert(item);
    },
    /** What one WeChat identity sent, newest first, at most 50. */
    sentBy: (senderOpenid: string): Promise<FeedbackDocument[]> => feedback.find({ senderOpenid }, { orderBy: [['createdAt', 'desc']], limit: 50 }),
    /** A page of the matching items, newest first. */
    page: (where: object, skip: number, limit: number): Promise<FeedbackDocument[]> => feedback.find(where, { orderBy: [['createdAt', 'desc']], skip, limit }),
    /**
     * One write: the item moves to `to`, with the message (if any) added to the exchange, only if the
     * sender with this WeChat identity sent it and it is in one of `from`. Answers whether it moved.
     */
    moveSenders: async (feedbackId: string, senderOpenid: string, from: readonly FeedbackState[], to: FeedbackState, message: FeedbackMessage | null, now: Date): Promise<boolean> =>
      (await feedback.updateWhere({ _id: feedbackId, senderOpenid, state: _.in([...from]) }, { state: to, updatedAt: now, ...(message ? { messages: _.push(message) } : {}) })) === 1,
    inTx: (tx: Tx) => ({
      get: async (feedbackId: string): Promise<FeedbackDocument> => (await tx.collection('feedback').doc(feedbackId).get()).data as FeedbackDocument,
      /** The item's new state, with the message that moved it (if any) added to the exchange. */
      move: async (feedbackId: string, state: FeedbackState, message: FeedbackMessage | null, now: Date): Promise<void> => {
        await tx.collection('feedback').doc(feedbackId).update({ data: { state, updatedAt: now, ...(message ? { messages: _.push(message) } : {}) } });
      },
    }),
  };
}
