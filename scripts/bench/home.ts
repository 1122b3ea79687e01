/**
 * records.home as a pairing's record book grows (issue 13): the demo district's unit worker
 * (demo-liming) calls records.home while their pairing holds 40, 1,000, 4,000 and 10,000 records.
 * The extra records are copies of a seeded record of that pairing (its fields, new ids, dates spread
 * over the year), added straight through the SDK: decided records of the per-record kinds (open days,
 * festival visits, other work), so that what home shows (this month's visit, what waits on the unit,
 * the latest five) stays the same size while the book grows. Figures: the median of 7 calls and the
 * database requests and the documents the local store read for one call, at each size; the time should stay flat.
 */
import type { ActionResult } from '../../src/contract/result';
import { chinaDateString } from '../../src/domain/time/chinaTime';
import { wxServerSdk } from '../../localcloud/sdk';
import type { RecordDocument } from '../../server/db/documents';
import { openLocalCloud } from '../open-local-cloud';
import { seedDemoDistrict } from '../seed/seed';
import { median, timeEach } from './stats';
import type { Figure } from './stats';

const SIZES = [40, 1_000, 4_000, 10_000] as const;
const CALLS = 7;
const WORKER = 'demo-liming';
/** Decided records mostly, as an old record book is; some wait on the party leader (not on the unit). */
const STATES: readonly RecordDocument['state'][] = ['confirmed', 'confirmed', 'confirmed', 'confirmed', 'confirmed', 'confirmed', 'confirmed', 'submitted'];
const KINDS: readonly RecordDocument['kind'][] = ['openDay', 'festivalVisit', 'otherWork'];

export async function homeFigures(): Promise<Figure[]> {
  const cloud = openLocalCloud({ dataDir: null, functionsFrom: 'source' });
  try {
    const db = wxServerSdk().database();
    const now = new Date();
    await seedDemoDistrict(db, now);
    const home = async () => {
      const result = (await cloud.callAs(WORKER, 'records', { action: 'records.home', input: {} })) as ActionResult<{ pairings: unknown[] }>;
      if (!result.ok) throw new Error(`records.home: ${result.error.code} ${result.error.message}`);
      if (result.data.pairings.length === 0) throw new Error('records.home: the unit worker sees no pairing');
    };
    // The worker's pairing: the one whose records home shows first.
    await home();
    const first = (await cloud.callAs(WORKER, 'records', { action: 'records.home', input: {} })) as ActionResult<{ pairings: Array<{ pairingId: string }> }>;
    if (!first.ok) throw new Error('records.home failed');
    const pairingId = first.data.pairings[0]!.pairingId;
    const records = db.collection('records');
    const seeded = ((await records.where({ pairingId }).limit(1000).get()) as unknown as { data: RecordDocument[] }).data;
    const model = seeded.find((record) => record.state === 'confirmed') ?? seeded[0];
    if (!model) throw new Error('the demo pairing has no record to copy');
    let count = seeded.length;
    const year = Number(chinaDateString(now).slice(0, 4));
    const figures: Figure[] = [];
    for (const size of SIZES) {
      const target = Math.max(size, count);
      const extra: Omit<RecordDocument, '_id'>[] = [];
      for (let index = count; index < target; index += 1) {
        const { _id: _unused, ...fields } = model;
        const day = index % 365;
        const date = new Date(Date.UTC(year, 0, 1 + day));
        extra.push({
          ...fields,
          clientKey: `bench-home-${index}`,
          date: date.toISOString().slice(0, 10),
          kind: KINDS[index % KINDS.length]!,
          state: STATES[index % STATES.length]!,
          createdAt: date,
          updatedAt: new Date(date.getTime() + (index % 1000) * 1000),
        } as Omit<RecordDocument, '_id'>);
      }
      for (let start = 0; start < extra.length; start += 500) await records.add({ data: extra.slice(start, start + 500) });
      count = target;
      await home(); // warm: compiled statements, planner statistics
      const times = await timeEach(CALLS, home);
      cloud.db.resetStats();
      await home();
      const { requests, documentsRead } = cloud.db.stats;
      figures.push({ name: `records.home (unit worker), pairing with ${count.toLocaleString('en')} records (median of ${CALLS})`, value: round(median(times)), unit: 'ms' });
      figures.push({ name: `records.home (unit worker), pairing with ${count.toLocaleString('en')} records: database requests`, value: requests, unit: 'requests' });
      figures.push({ name: `records.home (unit worker), pairing with ${count.toLocaleString('en')} records: documents read from storage`, value: documentsRead, unit: 'documents' });
    }
    return figures;
  } finally {
    cloud.close();
  }
}

const round = (value: number) => Math.round(value * 100) / 100;
