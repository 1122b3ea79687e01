import type { EvidenceRow } from '../../src/domain/records/reviewFlags';
import { Collection } from '../db/collection';
import type { AuditDocument } from '../db/adminDocuments';
import type { RecordDocument } from '../db/documents';
import { inTransaction } from '../db/transaction';
import type { CloudDatabase } from '../runtime/cloud';
import { recordAudit } from './auditLog';

/** What the office's checks read of each handed-in record in its scope: the evidence and what the list shows. */
export type ReviewEvidenceRow = EvidenceRow &
  Pick<RecordDocument, 'state' | 'unitName' | 'orgName' | 'unitId' | 'orgId' | 'streetId' | 'unitStreetId'> & { readonly review: NonNullable<RecordDocument['review']> | null };

type StoredRow = Pick<RecordDocument, '_id' | 'pairingId' | 'kind' | 'date' | 'state' | 'unitName' | 'orgName' | 'unitId' | 'orgId' | 'streetId' | 'unitStreetId' | 'photoHashes' | 'review'> & {
  readonly checkIn?: Partial<NonNullable<RecordDocument['checkIn']>> | null;
  readonly confirmed?: Partial<NonNullable<RecordDocument['confirmed']>> | null;
};

const projection = {
  _id: 1, pairingId: 1, kind: 1, date: 1, state: 1, unitName: 1, orgName: 1, unitId: 1, orgId: 1, streetId: 1, unitStreetId: 1, photoHashes: 1, review: 1,
  'checkIn.at': 1, 'checkIn.personId': 1, 'checkIn.flags': 1, 'checkIn.distanceMetres': 1, 'checkIn.accuracyMetres': 1, 'checkIn.spotHash': 1, 'confirmed.at': 1, 'confirmed.byId': 1,
} as const;

function toRow(stored: StoredRow): ReviewEvidenceRow {
  const { _id, checkIn, confirmed, photoHashes, review, ...rest } = stored;
  return {
    ...rest,
    id: _id,
    checkIn: checkIn?.at ? { at: new Date(checkIn.at), personId: checkIn.personId ?? '', flags: checkIn.flags ?? [], distanceMetres: checkIn.distanceMetres ?? 0, accuracyMetres: checkIn.accuracyMetres ?? 0, ...(checkIn.spotHash ? { spotHash: checkIn.spotHash } : {}) } : null,
    photoHashes: photoHashes ?? [],
    confirmed: confirmed?.at && confirmed.byId ? { at: new Date(confirmed.at), byId: confirmed.byId } : null,
    review: review ? { ...review, at: new Date(review.at) } : null,
  };
}

/** Records with their review evidence (待核查的记录) and the office's review marks. */
export function recordReviewsRepository(db: CloudDatabase) {
  const records = new Collection<RecordDocument>(db, 'records');
  return {
    /** Every record matching, with only the evidence and list fields (one request per 10,000 records). */
    async evidence(where: object): Promise<ReviewEvidenceRow[]> {
      return (await records.aggregateEvery<StoredRow>(where, projection)).map(toRow);
    },

    /** Marks the record reviewed, with the audit entry, in one transaction. */
    async markReviewed(id: string, review: NonNullable<RecordDocument['review']>, audit: AuditDocument): Promise<void> {
      await inTransaction(db, async (tx) => {
        await tx.collection('records').doc(id).update({ data: { review: db.command.set(review) } });
        await recordAudit(tx, audit);
      });
    },
  };
}
