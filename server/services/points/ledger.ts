import type { PointsRecord } from '../../../src/domain/points/inputs';
import type { RecordState } from '../../../src/domain/records/stateMachine';
import { pointsLedgerRepository } from '../../repositories/pointsLedger';
import { pointsRecordsRepository } from '../../repositories/pointsRecords';
import type { CloudDatabase } from '../../runtime/cloud';
import { chunksOf, fromTuple, LEDGER_CHUNKS, mergeIntoChunks, textToTuples, tuplesToText } from './ledgerChunks';

/**
 * The points ledger: a compact copy of the year's records as far as points are concerned (one line
 * per record, in 16 chunk documents, see ledgerChunks.ts), so a district's points read ~3 MB of text
 * instead of decoding 40,000 full records on every request.
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
const MARGIN_MS = 10 * 60_000;
const REBUILD_AFTER_MS = 24 * 3_600_000;
const VOLATILE: readonly RecordState[] = ['submitted', 'disputed', 'revised'];

const chunkId = (year: number, chunk: number) => `ledger-${year}-${chunk}`;

async function rebuild(db: CloudDatabase, year: number, now: Date): Promise<PointsRecord[]> {
  const records = await pointsRecordsRepository(db).ofYear(year);
  const ledger = pointsLedgerRepository(db);
  await Promise.all(
    chunksOf(records).map((tuples, chunk) =>
      ledger.write({ _id: chunkId(year, chunk), year, chunk, revision: now.getTime(), syncedTo: now.getTime() - MARGIN_MS, builtAt: now.getTime(), records: tuplesToText(tuples) }),
    ),
  );
  return records;
}

/** The year's records for points (every state but draft), from the ledger brought up to date. */
export async function ledgerRecords(db: CloudDatabase, year: number, now: Date): Promise<PointsRecord[]> {
  const ledger = pointsLedgerRepository(db);
  const source = pointsRecordsRepository(db);
  const chunks = await ledger.ofYear(year, LEDGER_CHUNKS * 2);
  const watermark = Math.min(...chunks.map((chunk) => chunk.syncedTo));
  const stale = chunks.length !== LEDGER_CHUNKS || chunks.some((chunk) => now.getTime() - chunk.builtAt > REBUILD_AFTER_MS || now.getTime() < chunk.syncedTo);
  if (stale) return rebuild(db, year, now);

  const tuplesByChunk = new Map(chunks.map((chunk) => [chunk.chunk, textToTuples(chunk.records)]));
  const waiting = await source.inStates(year, VOLATILE);
  const stillWaiting = new Set(waiting.map((record) => record.id));
  const left: string[] = [];
  for (const tuples of tuplesByChunk.values()) for (const tuple of tuples) if (tuple[4] !== 'confirmed' && !stillWaiting.has(tuple[0])) left.push(tuple[0]);
  const settled = await source.confirmedSinceOrIn(year, new Date(watermark), left);

  const updates = mergeIntoChunks(tuplesByChunk, [...waiting, ...settled]);
  const syncedTo = now.getTime() - MARGIN_MS;
  await Promise.all(
    [...updates].map(([chunk, tuples]) => {
      const document = chunks.find((candidate) => candidate.chunk === chunk)!;
      tuplesByChunk.set(chunk, tuples);
      // Optimistic: a concurrent writer's chunk (with its own watermark) wins; the next read catches up.
      return ledger.updateAtRevision(document._id, document.revision, { records: tuplesToText(tuples), revision: document.revision + 1, syncedTo });
    }),
  );
  const records: PointsRecord[] = [];
  for (const tuples of tuplesByChunk.values()) for (const tuple of tuples) records.push(fromTuple(tuple));
  return records;
}
