import { Collection, PAGE_MAX } from '../db/collection';
import type { StreetDocument } from '../db/documents';
import type { CloudDatabase } from '../runtime/cloud';

/** The district's streets, as administration, work plans and 投诉建议 read them (a few dozen, never written here). */
export function streetsRepository(db: CloudDatabase) {
  const streets = new Collection<StreetDocument>(db, 'streets');
  return {
    all: (): Promise<StreetDocument[]> => streets.find({}, { limit: PAGE_MAX }),
    byId: (streetId: string): Promise<StreetDocument | undefined> => streets.byId(streetId),
  };
}
