import { Collection } from '../../server/db/collection';
import type { CollectionName } from '../../server/db/collections';
import type { CloudDatabase } from '../../server/runtime/cloud';
import { yearOf } from '../../src/domain/time/periods';
import { demoDistrict } from './demoDistrict';
import type { DemoDistrict } from './demoDistrict';
import { seedPointsHistory } from './points';
import { seedDemoSurveys } from './surveys';

/**
 * Write the demo district through the cloud database API (the same path the functions use).
 * Does nothing when people already exist, so a restart keeps the data.
 */
export async function seedDemoDistrict(db: CloudDatabase, now: Date): Promise<DemoDistrict | null> {
  if ((await new Collection(db, 'people').count({})) > 0) return null;
  const district = demoDistrict(yearOf(now).year, now);
  const batches: Array<[CollectionName, ReadonlyArray<{ _id: string }>]> = [
    ['streets', district.streets],
    ['units', district.units],
    ['orgs', district.orgs],
    ['pairings', district.pairings],
    ['people', district.people],
  ];
  for (const [collection, documents] of batches) {
    const target = new Collection(db, collection);
    for (const document of documents) await target.insert(document);
  }
  await seedDemoSurveys(db, district, now);
  await seedPointsHistory(db, district, now);
  return district;
}
