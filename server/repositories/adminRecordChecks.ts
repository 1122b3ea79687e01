import type { CheckInFlag } from '../../src/domain/geo/geofence';
import { Collection } from '../db/collection';
import type { RecordDocument } from '../db/documents';
import type { CloudDatabase } from '../runtime/cloud';

/** What the office's list of records to check shows of each. */
export type RecordCheckRow = Pick<RecordDocument, '_id' | 'kind' | 'date' | 'state' | 'unitName' | 'orgName' | 'paper'> & { readonly checkIn: { readonly flags: readonly CheckInFlag[] } | null };

/** Records carrying review flags, as the office workbench counts and lists them (待核查的记录). */
export function adminRecordChecksRepository(db: CloudDatabase) {
  const records = new Collection<RecordDocument>(db, 'records');
  return {
    count: (where: object): Promise<number> => records.count(where),
    /** A page of them, newest work date first. */
    page: (where: object, skip: number, limit: number): Promise<RecordCheckRow[]> =>
      records.find<RecordCheckRow>(where, { orderBy: [['date', 'desc'], ['_id', 'desc']], skip, limit, fields: { _id: 1, kind: 1, date: 1, state: 1, unitName: 1, orgName: 1, paper: 1, 'checkIn.flags': 1 } }),
  };
}
