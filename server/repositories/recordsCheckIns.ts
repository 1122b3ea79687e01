import { Collection } from '../db/collection';
import type { CheckInDocument } from '../db/documents';
import type { CloudDatabase } from '../runtime/cloud';

/** Visit check-ins: evidence attached to records. */
export function checkInsRepository(db: CloudDatabase) {
  const checkIns = new Collection<CheckInDocument>(db, 'checkIns');
  return {
    byId: (id: string): Promise<CheckInDocument | undefined> => checkIns.byId(id),
    async insert(checkIn: CheckInDocument): Promise<void> {
      await checkIns.insert(checkIn);
    },
  };
}
