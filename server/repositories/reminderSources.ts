import { Collection } from '../db/collection';
import type { PairingDocument, RecordDocument } from '../db/documents';
import type { CloudDatabase } from '../runtime/cloud';

export type ReminderPairing = Pick<PairingDocument, '_id' | 'unitId' | 'orgId' | 'orgName' | 'startDate' | 'endDate'>;
export type CadenceRecord = Pick<RecordDocument, '_id' | 'pairingId' | 'kind' | 'date' | 'state'>;

/**
 * What the daily reminder timer reads, each query served by an index (server/db/schema): the year's
 * pairings (`pairings.year`) and the records dated this quarter that count towards its cadence
 * (`records.year_date`). At 1,000 pairings and a year of records this is a few requests, not a scan
 * of every record.
 */
export function reminderSourcesRepository(db: CloudDatabase) {
  const pairings = new Collection<PairingDocument>(db, 'pairings');
  const records = new Collection<RecordDocument>(db, 'records');
  const _ = db.command;
  return {
    pairingsOfYear: (year: number): Promise<ReminderPairing[]> =>
      pairings.findEvery<ReminderPairing>({ year }, { orderBy: [['_id', 'asc']], fields: { _id: 1, unitId: 1, orgId: 1, orgName: 1, startDate: 1, endDate: 1 } }),
    /** Records of the year dated on or after `since` (YYYY-MM-DD) that are not drafts. */
    countingTowardsCadence: (year: number, since: string): Promise<CadenceRecord[]> =>
      records.findEvery<CadenceRecord>({ year, date: _.gte(since), state: _.neq('draft') }, { orderBy: [['_id', 'asc']], fields: { _id: 1, pairingId: 1, kind: 1, date: 1, state: 1 } }),
  };
}
