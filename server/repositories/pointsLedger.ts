import { Collection } from '../db/collection';
import type { LedgerChunkDocument } from '../db/pointsDocuments';
import { withoutId } from '../db/transaction';
import type { CloudDatabase } from '../runtime/cloud';

/** The chunks of the points ledger (`pointsLedger`, see server/services/points/ledger.ts). */
export function pointsLedgerRepository(db: CloudDatabase) {
  const chunks = new Collection<LedgerChunkDocument>(db, 'pointsLedger');
  return {
    /** The year's chunks (one request); `most` bounds the read above the expected count. */
    ofYear(year: number, most: number): Promise<LedgerChunkDocument[]> {
      return chunks.find({ year }, { limit: most });
    },
    /** Replaces a chunk (a full rebuild). */
    write(document: LedgerChunkDocument): Promise<void> {
      return chunks.set(document._id, withoutId(document));
    },
    /** Optimistic update (the ledger job): changes the chunk only if it is still at `revision`; answers whether it did. */
    async updateAtRevision(id: string, revision: number, patch: Pick<LedgerChunkDocument, 'revision' | 'syncedTo'> & Partial<Pick<LedgerChunkDocument, 'records'>>): Promise<boolean> {
      return (await chunks.updateWhere({ _id: id, revision }, patch)) > 0;
    },
  };
}
