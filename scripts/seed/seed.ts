import { countOf, insert } from '../../server/db/ops';
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
  if ((await countOf(db.collection('people'))) > 0) return null;
  const district = demoDistrict(yearOf(now).year, now);
  const batches: Array<[string, ReadonlyArray<{ _id: string }>]> = [
    ['streets', district.streets],
    ['units', district.units],
    ['orgs', district.orgs],
    ['pairings', district.pairings],
    ['people', district.people],
  ];
  for (const [collection, documents] of batches) {
    for (const document of documents) await insert(db.collection(collection), document);
  }
  await seedDemoSurveys(db, district, now);
  await seedPointsHistory(db, district, now);
  return district;
}
