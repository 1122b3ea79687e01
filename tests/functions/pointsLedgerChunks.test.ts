/**
 * How the points ledger's chunks are kept and read (server/services/points/ledger.ts, README 性能):
 * an instance keeps chunks decoded under their content keys and must never answer from a copy the job
 * has since replaced; a chunk rewritten between its head and its text is read again; chunks written
 * before content keys are never trusted; each run of the job rebuilds the chunk built longest ago
 * from the records, so a change made outside the state machine is repaired within 16 runs.
 */
import type { PointsRecord } from '../../src/domain/points/inputs';
import { chinaInstant } from '../../src/domain/time/chinaTime';
import { wxServerSdk } from '../../localcloud/sdk';
import { pointsRecordsRepository } from '../../server/repositories/pointsRecords';
import { ledgerRecords, syncLedger } from '../../server/services/points/ledger';
import { forgetChunks } from '../../server/services/points/ledgerCache';
import { LEDGER_CHUNKS, ledgerChunkOf, lineOf, recordsOfText } from '../../server/services/points/ledgerChunks';
import type { CloudDatabase } from '../../server/runtime/cloud';
import { dataOf, useMovingTestCloud, submittedVisit } from '../support/testCloud';

const WORKER = 'demo-liming';
const LEADER = 'demo-wangfang';
const YEAR = 2026;
const HOUR = 3_600_000;

const { cloud, now, advance } = useMovingTestCloud(chinaInstant(YEAR, 11, 20, 10));
const pairingId = () => cloud().district.pairings[0]!._id;

const db = () => wxServerSdk().database();
const byId = (records: readonly PointsRecord[]) => [...records].sort((a, b) => a.id.localeCompare(b.id)).map((record) => ({ ...record, contentAreas: [...record.contentAreas] }));
const truth = async () => byId(await pointsRecordsRepository(db()).ofYear(YEAR));
const read = async (database: CloudDatabase = db()) => byId(await ledgerRecords(database, YEAR, now()));

interface Chunk {
  _id: string;
  chunk: number;
  builtAt: number;
  contentKey?: string;
  records: string;
}
async function chunks(): Promise<Chunk[]> {
  const answer = (await db().collection('pointsLedger').where({ year: YEAR }).limit(100).get()) as unknown as { data: Chunk[] };
  return answer.data.sort((a, b) => a.chunk - b.chunk);
}

/** A visit submitted and confirmed now; answers its id. */
async function confirmedVisit(date: string): Promise<string> {
  const { record, link } = await submittedVisit(cloud(), WORKER, pairingId(), date);
  dataOf(await cloud().call(LEADER, 'records.confirm', { token: link.token }));
  return record.id;
}

describe('decoded chunks kept by an instance', () => {
  it('are used only while their content key is the chunk’s: a record the job folded in is never lost', async () => {
    await syncLedger(db(), YEAR, now()); // built in full
    expect(await read()).toEqual(await truth()); // this instance now holds every chunk decoded
    // Confirmed, then the job runs two hours later: its watermark passes the record's submission, so
    // only the rewritten chunk (a new key) still holds it; a copy kept under the old key would not.
    const recordId = await confirmedVisit('2026-11-05');
    advance(2 * HOUR);
    const synced = await syncLedger(db(), YEAR, now());
    expect(synced.rewritten).toBeGreaterThanOrEqual(1);
    const answer = await read();
    expect(answer.find((record) => record.id === recordId)?.state).toBe('confirmed');
    expect(answer).toEqual(await truth());
  });

  it('on a warm instance, read only the heads and the changes: nine requests; ten when a text must be read', async () => {
    const requests = async () => {
      cloud().cloud.db.resetStats();
      dataOf(await cloud().call('demo-zhoutao', 'points.table', {}));
      return cloud().cloud.db.stats.requests;
    };
    await requests(); // warm
    expect(await requests()).toBe(9);
    forgetChunks(); // a new instance
    expect(await requests()).toBe(10);
    expect(await requests()).toBe(9);
  });
});

describe('a chunk rewritten between its head and its text', () => {
  it('is not used under the old head: the read starts again from the heads', async () => {
    forgetChunks();
    const { record } = await submittedVisit(cloud(), WORKER, pairingId(), '2026-11-06');
    advance(2 * HOUR);
    // The job runs after this read took the heads and before its texts' request is answered.
    let heads = 0;
    let raced = false;
    const database = db();
    const racing = new Proxy(database, {
      get(target, property, receiver) {
        if (property !== 'collection') return Reflect.get(target, property, receiver) as unknown;
        return (name: string) => {
          const collection = target.collection(name);
          if (name !== 'pointsLedger') return collection;
          return new Proxy(collection, {
            get(inner, key, innerReceiver) {
              // The heads come from an aggregation, the texts from a query by id.
              if (key === 'aggregate') heads += 1;
              if (key !== 'where') return Reflect.get(inner, key, innerReceiver) as unknown;
              return (where: object) => {
                const query = inner.where(where);
                if (!('_id' in where) || raced) return query;
                raced = true;
                return {
                  limit: (n: number) => ({
                    field: (fields: object) => ({
                      get: async () => {
                        await syncLedger(db(), YEAR, now());
                        return query.limit(n).field(fields).get();
                      },
                    }),
                  }),
                };
              };
            },
          });
        };
      },
    }) as CloudDatabase;
    const answer = await read(racing);
    expect(raced).toBe(true);
    expect(heads).toBe(2);
    expect(answer.find((row) => row.id === record.id)?.state).toBe('submitted');
    expect(answer).toEqual(await truth());
  });
});

describe('chunks written before content keys', () => {
  it('are not used by reads, and the job builds the ledger anew', async () => {
    const recordId = await confirmedVisit('2026-11-07');
    advance(2 * HOUR);
    await syncLedger(db(), YEAR, now()); // the watermark passes the record: only its chunk holds it
    // The chunk as an older version wrote it (no key, no waiting ids, no count), and missing that record.
    const old = (await chunks())[ledgerChunkOf(pairingId())]!;
    const text = recordsOfText(old.records).filter((record) => record.id !== recordId).map(lineOf).join('\n');
    const _ = db().command;
    await db().collection('pointsLedger').doc(old._id).update({ data: { contentKey: _.remove(), waiting: _.remove(), count: _.remove(), records: text } });
    forgetChunks();
    expect((await read()).find((record) => record.id === recordId)?.state).toBe('confirmed');
    expect(await read()).toEqual(await truth());
    const synced = await syncLedger(db(), YEAR, now());
    expect(synced.rebuilt).toBe(true);
    expect((await chunks()).every((chunk) => typeof chunk.contentKey === 'string')).toBe(true);
    expect(await read()).toEqual(await truth());
  });
});

describe('the job’s rolling rebuild', () => {
  it('rebuilds one chunk a run, the one built longest ago, and repairs a change made outside the state machine within 16 runs', async () => {
    // A confirmed record changed behind the state machine's back (a console edit): the delta never sees it.
    const recordId = await confirmedVisit('2026-11-08');
    advance(2 * HOUR);
    await syncLedger(db(), YEAR, now());
    await db().collection('records').doc(recordId).update({ data: { kind: 'otherWork' } });
    const repairedIn = ledgerChunkOf(pairingId());
    const rebuiltOrder: number[] = [];
    let repairedAt = -1;
    for (let run = 0; run < LEDGER_CHUNKS; run += 1) {
      advance(HOUR);
      const before = await chunks();
      const synced = await syncLedger(db(), YEAR, now());
      expect(synced.rebuilt).toBe(false);
      const oldest = before.reduce((a, b) => (b.builtAt < a.builtAt ? b : a));
      expect(synced.rebuiltChunk).toBe(oldest.chunk);
      rebuiltOrder.push(synced.rebuiltChunk!);
      const after = await chunks();
      expect(after[oldest.chunk]!.builtAt).toBe(now().getTime());
      // Only the rebuilt chunk's build time moves.
      expect(after.filter((chunk, index) => chunk.builtAt !== before[index]!.builtAt).map((chunk) => chunk.chunk)).toEqual([oldest.chunk]);
      if (repairedAt < 0 && (await read()).find((record) => record.id === recordId)?.kind === 'otherWork') repairedAt = run;
    }
    expect(new Set(rebuiltOrder).size).toBe(LEDGER_CHUNKS);
    expect(rebuiltOrder.indexOf(repairedIn)).toBe(repairedAt);
    expect(await read()).toEqual(await truth());
  });

  it('keeps a chunk’s key when its rebuild finds the same records', async () => {
    advance(HOUR);
    const before = await chunks();
    const synced = await syncLedger(db(), YEAR, now());
    const after = await chunks();
    expect(after[synced.rebuiltChunk!]!.contentKey).toBe(before[synced.rebuiltChunk!]!.contentKey);
    expect(synced.rewritten).toBe(0);
  });
});
