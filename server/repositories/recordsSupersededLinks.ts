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
 * The confirm links of earlier versions (supersededLink.ts), one small document per link keyed by its
 * token id, so that an old link finds its record by id: `previousRevisions` is an array, and neither
 * WeChat's nor the local cloud's indexes may hold one.
 *
 * Written before the record's own conditional update, with `set` (the same document whoever writes it):
 * if that update then changes nothing, the document points at a record whose link is still current
 * (the current-token lookup answers first) or was superseded by the concurrent writer, who wrote the
 * same document. So the pair needs no transaction (which would cost three more requests).
 */
export function recordsSupersededLinksRepository(db: CloudDatabase) {
  const links = new Collection<SupersededLinkDocument>(db, 'supersededLinks');
  return {
    async keep(tokenId: string, recordId: string, revision: number, now: Date): Promise<void> {
      await links.set(tokenId, { recordId, revision, at: now });
    },

    /** The record one of whose earlier versions had this link (one request, by id). */
    async recordOf(tokenId: string): Promise<RecordDocument | undefined> {
      const [found] = await aggregateAll<SupersededLinkDocument & { record: RecordDocument[] }>(
        links.aggregate().match({ _id: tokenId }).lookup({ from: 'records', localField: 'recordId', foreignField: '_id', as: 'record' }).limit(1),
      );
      return found?.record[0];
    },
  };
}
