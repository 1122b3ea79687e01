import { aggregateAll, Collection } from '../db/collection';
import type { ActivityDocument, CheckInDocument, PairingDocument, RecordDocument } from '../db/documents';
import type { CloudDatabase } from '../runtime/cloud';
import type { FileHolder, JoinedHolders } from './files';
import { holdersIn, withHolders, withoutHolders } from './files';

/** What records.save needs before it writes: the pairing, the record as it stands, the check-in and the activity named. */
export interface SavingContext {
  readonly pairing: PairingDocument;
  readonly existing: RecordDocument | undefined;
  readonly checkIn: CheckInDocument | undefined;
  readonly activity: ActivityDocument | undefined;
  /** What holds the files asked about (the record's own attachments included). */
  readonly holders: readonly FileHolder[];
}

interface Joined extends PairingDocument, JoinedHolders {
  readonly existingRecord: RecordDocument[];
  readonly checkInFound?: CheckInDocument[];
  readonly activityFound?: ActivityDocument[];
}

/**
 * Reads what a save needs in one request: the pairing, joined by id with the record (the client key),
 * the check-in and the activity, each an equality join on `_id` (read through the id index), and with
 * whatever holds the files being attached (`withHolders`). Ids are joined as literals, never as field
 * paths. Undefined when the pairing does not exist.
 */
export function recordsSavingRepository(db: CloudDatabase) {
  const pairings = new Collection<PairingDocument>(db, 'pairings');
  const literal = (value: string) => db.command.aggregate.literal(value);
  return {
    async context(ids: { readonly pairingId: string; readonly recordId: string; readonly checkInId?: string; readonly activityId?: string; readonly fileIds?: readonly string[] }): Promise<SavingContext | undefined> {
      let pipeline = pairings
        .aggregate()
        .match({ _id: ids.pairingId })
        .addFields({
          savingRecordId: literal(ids.recordId),
          ...(ids.checkInId ? { savingCheckInId: literal(ids.checkInId) } : {}),
          ...(ids.activityId ? { savingActivityId: literal(ids.activityId) } : {}),
        })
        .lookup({ from: 'records', localField: 'savingRecordId', foreignField: '_id', as: 'existingRecord' });
      if (ids.checkInId) pipeline = pipeline.lookup({ from: 'checkIns', localField: 'savingCheckInId', foreignField: '_id', as: 'checkInFound' });
      if (ids.activityId) pipeline = pipeline.lookup({ from: 'activities', localField: 'savingActivityId', foreignField: '_id', as: 'activityFound' });
      const fileIds = ids.fileIds ?? [];
      const [found] = await aggregateAll<Joined & { savingRecordId?: string; savingCheckInId?: string; savingActivityId?: string }>(withHolders(db, pipeline.limit(1), { kind: 'record', pairingId: ids.pairingId, fileIds }));
      if (!found) return undefined;
      const { existingRecord, checkInFound, activityFound, savingRecordId: _r, savingCheckInId: _c, savingActivityId: _a, ...pairing } = withoutHolders(found);
      return { pairing, existing: existingRecord[0], checkIn: checkInFound?.[0], activity: activityFound?.[0], holders: holdersIn(found, fileIds) };
    },
  };
}
