import { Collection } from '../db/collection';
import type { RecordDocument } from '../db/documents';
import type { CloudDatabase } from '../runtime/cloud';
import type { RecordSummaryRow } from './records';
import { summaryProjection } from './records';

/** A decided record as the 结果 list shows it: the summary and the leader's decision. */
export type RecordResultRow = RecordSummaryRow & Pick<RecordDocument, 'confirmed' | 'dispute' | 'updatedAt'>;

/**
 * The leaders' latest decisions on the records of some pairings (结果: 已确认 / 有异议), the newest
 * decision first. A decided record changes no more until it is revised (then it is no longer a
 * result), so its last change is its decision. One bounded request, whatever a pairing's record count.
 */
export function recordResultsRepository(db: CloudDatabase) {
  const _ = db.command;
  const records = new Collection<RecordDocument>(db, 'records');
  return {
    latest: (pairingIds: readonly string[], limit: number): Promise<RecordResultRow[]> =>
      records.find<RecordResultRow>(
        { pairingId: _.in([...pairingIds]), state: _.in(['confirmed', 'disputed']) },
        { orderBy: [['updatedAt', 'desc'], ['_id', 'desc']], limit, fields: { ...summaryProjection, confirmed: 1, dispute: 1, updatedAt: 1 } },
      ),
  };
}
