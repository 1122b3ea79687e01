import { aggregateAll, Collection } from '../db/collection';
import type { PersonDocument, RecordDocument } from '../db/documents';
import type { CloudDatabase } from '../runtime/cloud';

/** A record a leader decides on, with its author's openid (for the 审核结果通知) when the author still exists. */
export interface RecordToDecide {
  readonly record: RecordDocument;
  readonly authorOpenid: string | undefined;
}

/**
 * Reads the record a leader decides on — by its confirm link's id or by its own id — joined with its
 * author in the same request (an equality join on the person's `_id`), so a decision stays within three
 * requests: the caller, this read, the conditional write.
 */
export function recordsDecidingRepository(db: CloudDatabase) {
  const records = new Collection<RecordDocument>(db, 'records');
  return {
    /** Several records by id (at most 100), each joined with its author, in one request. */
    async findMany(ids: readonly string[]): Promise<RecordToDecide[]> {
      const _ = db.command;
      const pipeline = records.aggregate().match({ _id: _.in([...ids]) }).limit(100).lookup({ from: 'people', localField: 'authorId', foreignField: '_id', as: 'authorFound' });
      const found = await aggregateAll<RecordDocument & { authorFound: Array<Pick<PersonDocument, 'openid'>> }>(pipeline);
      return found.map(({ authorFound, ...record }) => ({ record, authorOpenid: authorFound[0]?.openid }));
    },

    async find(where: { readonly _id: string } | { readonly 'confirmToken.id': string }): Promise<RecordToDecide | undefined> {
      const pipeline = records.aggregate().match(where).limit(1).lookup({ from: 'people', localField: 'authorId', foreignField: '_id', as: 'authorFound' });
      const [found] = await aggregateAll<RecordDocument & { authorFound: Array<Pick<PersonDocument, 'openid'>> }>(pipeline);
      if (!found) return undefined;
      const { authorFound, ...record } = found;
      return { record, authorOpenid: authorFound[0]?.openid };
    },
  };
}
