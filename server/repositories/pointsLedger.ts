import { Collection } from '../db/collection';
import type { LedgerChunkDocument, LedgerChunkHead } from '../db/pointsDocuments';
import { withoutId } from '../db/transaction';
import type { CloudDatabase } from '../runtime/cloud';

const headFields = { _id: 1, year: 1, chunk: 1, revision: 1, syncedTo: 1, builtAt: 1, contentKey: 1, waiting: 1, count: 1 } as const;

/** The chunks of the points ledger (`pointsLedger`, see server/services/points/ledger.ts). */
export function pointsLedgerRepository(db: CloudDatabase) {
  const _ = db.command;
  const chunks = new Collection<LedgerChunkDocument>(db, 'pointsLedger');
  return {
    /**
     * The year's chunks without their texts (one request). An aggregation's projection, so that the
     * database never hands over the texts (the local cloud projects it in SQLite, as WeChat's does).
     */
    headsOfYear(year: number): Promise<LedgerChunkHead[]> {
      return chunks.aggregateEvery<LedgerChunkHead>({ year }, headFields);
    },
    /** These chunks' texts with the key that names each (one request). */
    texts(ids: readonly string[]): Promise<Array<Pick<LedgerChunkDocument, '_id' | 'contentKey' | 'records'>>> {
      return chunks.find<Pick<LedgerChunkDocument, '_id' | 'contentKey' | 'records'>>({ _id: _.in([...ids]) }, { limit: ids.length, fields: { _id: 1, contentKey: 1, records: 1 } });
    },
    /** Replaces a chunk (a full rebuild). */
    write(document: LedgerChunkDocument): Promise<void> {
      return chunks.set(document._id, withoutId(document));
    },
    /** Optimistic update (the ledger job): changes the chunk only if it is still at `revision`; answers whether it did. */
    async updateAtRevision(
      id: string,
      revision: number,
      patch: Pick<LedgerChunkDocument, 'revision' | 'syncedTo'> & Partial<Pick<LedgerChunkDocument, 'records' | 'contentKey' | 'waiting' | 'count' | 'builtAt'>>,
    ): Promise<boolean> {
      return (await chunks.updateWhere({ _id: id, revision }, patch)) > 0;
    },
  };
}
