import { aggregateAll, Collection } from '../db/collection';
import type { RecordDocument } from '../db/documents';
import type { CloudDatabase } from '../runtime/cloud';

/** A confirm link a revision or a withdrawal left behind: its token id is the document's id. */
export interface SupersededLinkDocument {
  readonly _id: string;
  readonly recordId: string;
  /** The revision the link was for. */
  readonly revision: number;
  readonly at: Date;
}

/**
 * The confirm links of earlier versions left behind before link keys (server/actions/records/linkTokens.ts),
 * one small document per link keyed by its token id, so that such an old link finds its record by id:
 * `previousRevisions` is an array, and neither WeChat's nor the local cloud's indexes may hold one.
 * Only read now: a link left behind since is found by its key, or (made before keys) by the record's
 * `legacyLinkId`, both written by the record's own update.
 */
export function recordsSupersededLinksRepository(db: CloudDatabase) {
  const links = new Collection<SupersededLinkDocument>(db, 'supersededLinks');
  return {
    /** The record one of whose earlier versions had this link (one request, by id). */
    async recordOf(tokenId: string): Promise<RecordDocument | undefined> {
      const [found] = await aggregateAll<SupersededLinkDocument & { record: RecordDocument[] }>(
        links.aggregate().match({ _id: tokenId }).lookup({ from: 'records', localField: 'recordId', foreignField: '_id', as: 'record' }).limit(1),
      );
      return found?.record[0];
    },
  };
}
