import type { PointsRecord } from '../../../src/domain/points/inputs';
import type { ContentArea, RecordKind } from '../../../src/domain/records/catalog';
import type { RecordState } from '../../../src/domain/records/stateMachine';
import type { LedgerChunkDocument, LedgerTuple } from '../../db/pointsDocuments';
import { findAll, updateWhere } from '../../db/ops';
import type { CloudDatabase } from '../../runtime/cloud';
import { aggregateEvery, pointsRecords, toPointsRecord } from './bulk';

/**
 * The points ledger: a compact copy of the year's records as far as points are concerned (one line
 * per record, in 16 chunk documents), so a district's points read ~3 MB of text instead of decoding
 * 40,000 full records on every request.
 *
 * It stays exact by the record state machine (draft → submitted → confirmed | disputed → revised →
 * submitted): a record's points-relevant fields change only while it is a draft or revised, and every
 * path back to `confirmed` passes `submitted`, which sets `submittedAt`. Each read therefore re-reads,
 * through the `state_submitted` index and `_id`:
 *   1. every record now submitted, disputed or revised (the few waiting);
 *   2. every record the ledger last saw waiting that is no longer (to see where it went), and every
 *      confirmed record submitted since the chunk's watermark (minus a 10-minute margin for requests
 *      in flight and clock skew between instances).
 * Chunks are written with an optimistic revision check, each with its own watermark, and rebuilt in
 * full once a day (and whenever the clock is earlier than a watermark), which also repairs anything
 * changed outside the state machine.
 */
export const LEDGER_CHUNKS = 16;
const MARGIN_MS = 10 * 60_000;
const REBUILD_AFTER_MS = 24 * 3_600_000;
const VOLATILE: readonly RecordState[] = ['submitted', 'disputed', 'revised'];

export const ledgerChunkOf = (pairingId: string): number => {
  let hash = 0;
  for (let index = 0; index < pairingId.length; index += 1) hash = (hash * 31 + pairingId.charCodeAt(index)) >>> 0;
  return hash % LEDGER_CHUNKS;
};

const chunkId = (year: number, chunk: number) => `ledger-${year}-${chunk}`;

export function toTuple(record: PointsRecord): LedgerTuple {
  return [record.id, record.pairingId, record.kind, record.date, record.state, record.contentAreas.join(','), record.recordedOn, record.paper ? 1 : 0];
}

export function fromTuple(tuple: LedgerTuple): PointsRecord {
  const [id, pairingId, kind, date, state, areas, recordedOn, paper] = tuple;
  return { id, pairingId, kind: kind as RecordKind, date, state: state as RecordState, contentAreas: areas ? (areas.split(',') as ContentArea[]) : [], recordedOn, paper: paper === 1 };
}

const sameTuple = (a: LedgerTuple, b: LedgerTuple) => a.every((value, index) => value === b[index]);

/** Chunk text: a line per record, tab-separated (ids, dates and enum values never hold tabs or newlines). */
export function tuplesToText(tuples: readonly LedgerTuple[]): string {
  return tuples.map((tuple) => tuple.join('\t')).join('\n');
}

export function textToTuples(text: string): LedgerTuple[] {
  if (text === '') return [];
  return text.split('\n').map((line) => {
    const [id = '', pairingId = '', kind = '', date = '', state = '', areas = '', recordedOn = '', paper = '0'] = line.split('\t');
    return [id, pairingId, kind, date, state, areas, recordedOn, paper === '1' ? 1 : 0] as const;
  });
}

/**
 * Merge re-read records into the chunks' tuples: answers the new tuples of each chunk that changed.
 * A record read back as a draft (never expected) leaves the ledger.
 */
export function mergeIntoChunks(chunks: ReadonlyMap<number, readonly LedgerTuple[]>, changed: readonly PointsRecord[]): Map<number, LedgerTuple[]> {
  const touched = new Map<number, Map<string, LedgerTuple>>();
  for (const record of changed) {
    const chunk = ledgerChunkOf(record.pairingId);
    let byId = touched.get(chunk);
    if (!byId) {
      byId = new Map((chunks.get(chunk) ?? []).map((tuple) => [tuple[0], tuple]));
      touched.set(chunk, byId);
    }
    if (record.state === 'draft') byId.delete(record.id);
    else byId.set(record.id, toTuple(record));
  }
  const result = new Map<number, LedgerTuple[]>();
  for (const [chunk, byId] of touched) {
    const before = new Map((chunks.get(chunk) ?? []).map((tuple) => [tuple[0], tuple]));
    const after = [...byId.values()];
    const differs = after.length !== before.size || after.some((tuple) => {
      const old = before.get(tuple[0]);
      return old === undefined || !sameTuple(old, tuple);
    });
    if (differs) result.set(chunk, after);
  }
  return result;
}

async function rebuild(db: CloudDatabase, year: number, now: Date): Promise<PointsRecord[]> {
  const records = await pointsRecords(db, { year });
  const byChunk = Array.from({ length: LEDGER_CHUNKS }, () => [] as LedgerTuple[]);
  for (const record of records) byChunk[ledgerChunkOf(record.pairingId)]!.push(toTuple(record));
  await Promise.all(
    byChunk.map((tuples, chunk) => {
      const document: Omit<LedgerChunkDocument, '_id'> = { year, chunk, revision: now.getTime(), syncedTo: now.getTime() - MARGIN_MS, builtAt: now.getTime(), records: tuplesToText(tuples) };
      return (db.collection('pointsLedger').doc(chunkId(year, chunk)) as unknown as { set(options: { data: object }): Promise<unknown> }).set({ data: document });
    }),
  );
  return records;
}

/** The year's records for points (every state but draft), from the ledger brought up to date. */
export async function ledgerRecords(db: CloudDatabase, year: number, now: Date): Promise<PointsRecord[]> {
  const _ = db.command;
  const chunks = await findAll<LedgerChunkDocument>(db.collection('pointsLedger').where({ year }).limit(LEDGER_CHUNKS * 2));
  const watermark = Math.min(...chunks.map((chunk) => chunk.syncedTo));
  const stale = chunks.length !== LEDGER_CHUNKS || chunks.some((chunk) => now.getTime() - chunk.builtAt > REBUILD_AFTER_MS || now.getTime() < chunk.syncedTo);
  if (stale) return rebuild(db, year, now);

  const tuplesByChunk = new Map(chunks.map((chunk) => [chunk.chunk, textToTuples(chunk.records)]));
  const fields = { _id: 1, pairingId: 1, kind: 1, date: 1, state: 1, contentAreas: 1, createdAt: 1, paper: 1 } as const;
  type Row = { _id: string; pairingId: string; kind: RecordKind; date: string; state: RecordState; contentAreas?: ContentArea[]; createdAt: Date; paper?: boolean };
  const waiting = await aggregateEvery<Row>(db, 'records', { state: _.in([...VOLATILE]), year }, fields);
  const stillWaiting = new Set(waiting.map((row) => row._id));
  const left: string[] = [];
  for (const tuples of tuplesByChunk.values()) for (const tuple of tuples) if (tuple[4] !== 'confirmed' && !stillWaiting.has(tuple[0])) left.push(tuple[0]);
  const settled = await aggregateEvery<Row>(
    db,
    'records',
    _.or([{ state: 'confirmed', submittedAt: _.gte(new Date(watermark)), year }, ...(left.length > 0 ? [{ _id: _.in(left) }] : [])]),
    fields,
  );
  const changed = [...waiting, ...settled].map((row) => toPointsRecord({ ...row, id: row._id }));

  const updates = mergeIntoChunks(tuplesByChunk, changed);
  const syncedTo = now.getTime() - MARGIN_MS;
  await Promise.all(
    [...updates].map(([chunk, tuples]) => {
      const document = chunks.find((candidate) => candidate.chunk === chunk)!;
      tuplesByChunk.set(chunk, tuples);
      // Optimistic: a concurrent writer's chunk (with its own watermark) wins; the next read catches up.
      return updateWhere(db.collection('pointsLedger').where({ _id: document._id, revision: document.revision }), {
        records: tuplesToText(tuples),
        revision: document.revision + 1,
        syncedTo,
      });
    }),
  );
  const records: PointsRecord[] = [];
  for (const tuples of tuplesByChunk.values()) for (const tuple of tuples) records.push(fromTuple(tuple));
  return records;
}
