/**
 * The points ledger stays exactly equal to the records (README 性能): after every step of random
 * record changes — write, submit, confirm, dispute, revise with other content, resubmit, the clock
 * moving on, the ledger job running or not — a read of the ledger answers the same records as the
 * records themselves, and the job's chunks hold them too. Reads never write the ledger.
 */
import type { PointsRecord } from '../../src/domain/points/inputs';
import type { RecordKind } from '../../src/domain/records/catalog';
import { chinaInstant } from '../../src/domain/time/chinaTime';
import { wxServerSdk } from '../../localcloud/sdk';
import { pointsRecordsRepository } from '../../server/repositories/pointsRecords';
import { ledgerRecords, syncLedger } from '../../server/services/points/ledger';
import { recordsOfText } from '../../server/services/points/ledgerChunks';
import { visitRecord } from '../support/builders';
import { dataOf, useMovingTestCloud } from '../support/testCloud';
import { seededRandom } from '../../scripts/seed/seededRandom';

const WORKER = 'demo-liming';
const LEADER = 'demo-wangfang';
const DISTRICT = 'demo-zhoutao';
const YEAR = 2026;

const { cloud, now, advance } = useMovingTestCloud(chinaInstant(YEAR, 11, 20, 10));
const pairingId = () => cloud().district.pairings[0]!._id;

const db = () => wxServerSdk().database();
const sorted = (records: readonly PointsRecord[]) => [...records].sort((a, b) => a.id.localeCompare(b.id)).map((record) => ({ ...record, contentAreas: [...record.contentAreas] }));

async function ledgerDocuments(): Promise<Array<{ _id: string; revision: number; syncedTo: number; records: string }>> {
  return ((await db().collection('pointsLedger').where({ year: YEAR }).limit(100).get()) as unknown as { data: Array<{ _id: string; revision: number; syncedTo: number; records: string }> }).data;
}

async function expectExact(): Promise<void> {
  const truth = sorted(await pointsRecordsRepository(db()).ofYear(YEAR));
  expect(sorted(await ledgerRecords(db(), YEAR, now()))).toEqual(truth);
}

interface Mine {
  readonly id: string;
  state: 'draft' | 'submitted' | 'confirmed' | 'disputed' | 'revised';
  revision: number;
  token?: string;
}

describe('the points ledger under random record changes', () => {
  it('answers exactly the records after every step, and reads never write it', async () => {
    await syncLedger(db(), YEAR, now()); // the job builds it
    await expectExact();
    const next = seededRandom(13);
    const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)];
    const kinds: RecordKind[] = ['monthlyVisit', 'otherWork', 'quarterlyActivity', 'festivalVisit'];
    const mine: Mine[] = [];
    let jobRuns = 0;
    for (let step = 0; step < 45; step += 1) {
      const ofState = (...states: Array<Mine['state']>) => mine.filter((record) => states.includes(record.state));
      const date = `${YEAR}-${String(1 + Math.floor(next() * 10)).padStart(2, '0')}-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}`;
      // Every step one of the changes possible now, chosen at random.
      const possible: Array<() => Promise<void>> = [
        async () => {
          const saved = dataOf(await cloud().call(WORKER, 'records.save', visitRecord(pairingId(), date, { kind: pick(kinds)! })));
          mine.push({ id: saved.record.id, state: 'draft', revision: saved.record.revision });
        },
        async () => {
          await syncLedger(db(), YEAR, now());
          jobRuns += 1;
          const inChunks = (await ledgerDocuments()).flatMap((chunk) => recordsOfText(chunk.records));
          expect(sorted(inChunks)).toEqual(sorted(await pointsRecordsRepository(db()).ofYear(YEAR)));
        },
        async () => {
          advance(Math.floor(next() * 90) * 60_000); // the clock moves on, up to an hour and a half
        },
      ];
      const toSubmit = ofState('draft', 'revised');
      if (toSubmit.length > 0) {
        possible.push(async () => {
          const record = pick(toSubmit)!;
          const submitted = dataOf(await cloud().call(WORKER, 'records.submit', { recordId: record.id, revision: record.revision }));
          Object.assign(record, { state: 'submitted', token: submitted.link.token });
        });
      }
      const waiting = ofState('submitted');
      if (waiting.length > 0) {
        const confirm = async () => {
          const record = pick(waiting)!;
          dataOf(await cloud().call(LEADER, 'records.confirm', { token: record.token! }));
          record.state = 'confirmed';
        };
        possible.push(confirm, confirm, async () => {
          const record = pick(waiting)!;
          dataOf(await cloud().call(LEADER, 'records.dispute', { recordId: record.id, revision: record.revision, reason: '内容有误' }));
          record.state = 'disputed';
        });
      }
      const toRevise = ofState('disputed', 'confirmed');
      if (toRevise.length > 0) {
        possible.push(async () => {
          const record = pick(toRevise)!;
          const revised = dataOf(await cloud().call(WORKER, 'records.revise', { recordId: record.id }));
          // New content while revised: another kind and day.
          const saved = dataOf(await cloud().call(WORKER, 'records.save', { ...visitRecord(pairingId(), date, { kind: pick(kinds)! }), clientKey: record.id }));
          Object.assign(record, { state: 'revised', revision: Math.max(revised.record.revision, saved.record.revision) });
        });
      }
      await pick(possible)!();
      await expectExact();
    }
    expect(jobRuns).toBeGreaterThan(2);
    expect(mine.some((record) => record.state === 'confirmed')).toBe(true);

    // Reads never write: the district's points leave every chunk as it was.
    const before = await ledgerDocuments();
    dataOf(await cloud().call(DISTRICT, 'points.table', {}));
    dataOf(await cloud().call(DISTRICT, 'points.table', { streetId: cloud().district.pairings[0]!.streetId }));
    expect(await ledgerDocuments()).toEqual(before);
  });

  it('is read from the records themselves while there is no usable ledger, without building one', async () => {
    const earlier = new Date(now().getTime() - 24 * 3_600_000); // the clock behind the watermark
    const truth = sorted(await pointsRecordsRepository(db()).ofYear(YEAR));
    const before = await ledgerDocuments();
    expect(sorted(await ledgerRecords(db(), YEAR, earlier))).toEqual(truth);
    expect(await ledgerDocuments()).toEqual(before);
    expect(await ledgerRecords(db(), YEAR - 5, now())).toEqual([]);
  });
});
