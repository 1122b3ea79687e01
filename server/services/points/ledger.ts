import type { PointsRecord } from '../../../src/domain/points/inputs';
import type { RecordState } from '../../../src/domain/records/stateMachine';
import type { LedgerChunkDocument } from '../../db/pointsDocuments';
import { pointsLedgerRepository } from '../../repositories/pointsLedger';
import { pointsRecordsRepository } from '../../repositories/pointsRecords';
import type { CloudDatabase } from '../../runtime/cloud';
import type { LedgerDelta } from './ledgerChunks';
import { applyDelta, chunksOf, chunksTouched, LEDGER_CHUNKS, ledgerChunkOf, recordsOfText, textOf } from './ledgerChunks';

/**
 * The points ledger: a compact copy of the year's records as far as points are concerned (one line
 * per record, in 16 chunk documents, see ledgerChunks.ts), so a district's points read ~3 MB of text
 * instead of decoding 40,000 full records on every request.
 *
 * Reads never write. A read takes the chunks and re-reads, in one request through the
 * `state_submitted` index and `_id`, what may have changed since the chunks' watermark: every record
 * now submitted, disputed or revised; every record the ledger holds waiting (to see where it went);
 * and every confirmed record submitted since the watermark. The record state machine (draft →
 * submitted → confirmed | disputed → revised → submitted) makes that exact: a record's points fields
 * change only while it is a draft or revised, and every way back to `confirmed` passes `submitted`,
 * which sets `submittedAt`. Without a usable ledger (none yet, or the clock behind its watermark) a
 * read takes the records themselves.
 *
 * The ledger job (`syncPointsLedger`, the points function's timer) writes: it applies the same
 * re-read to the chunks and moves every chunk's watermark forward, so a read's re-read stays the
 * last hour's work; once a day it rebuilds every chunk from the records, which also repairs anything
 * changed outside the state machine.
 */
const MARGIN_MS = 10 * 60_000;
/** The job rebuilds a ledger built longer ago than this (it runs hourly: once a day). */
export const REBUILD_AFTER_MS = 23 * 3_600_000;
const VOLATILE: readonly RecordState[] = ['submitted', 'disputed', 'revised'];

const chunkId = (year: number, chunk: number) => `ledger-${year}-${chunk}`;

/** A complete ledger the clock is not behind of, by chunk number; undefined when it cannot be used. */
function usable(chunks: readonly LedgerChunkDocument[], now: Date): LedgerChunkDocument[] | undefined {
  const byNumber: LedgerChunkDocument[] = [];
  for (const chunk of chunks) byNumber[chunk.chunk] = chunk;
  if (chunks.length !== LEDGER_CHUNKS || byNumber.length !== LEDGER_CHUNKS || byNumber.some((chunk) => chunk === undefined)) return undefined;
  if (byNumber.some((chunk) => now.getTime() < chunk.syncedTo)) return undefined;
  return byNumber;
}

interface Decoded {
  readonly records: PointsRecord[];
  /** Chunk of every record the ledger holds waiting (not confirmed). */
  readonly waitingChunk: Map<string, number>;
}

function decode(chunks: readonly LedgerChunkDocument[]): Decoded {
  const records: PointsRecord[] = [];
  const waitingChunk = new Map<string, number>();
  for (const chunk of chunks) {
    const from = records.length;
    recordsOfText(chunk.records, records);
    for (let index = from; index < records.length; index += 1) if (records[index]!.state !== 'confirmed') waitingChunk.set(records[index]!.id, chunk.chunk);
  }
  return { records, waitingChunk };
}

/** What changed since `watermark`, in one request (see above). */
async function deltaSince(db: CloudDatabase, year: number, watermark: number, waiting: ReadonlyMap<string, number>): Promise<LedgerDelta> {
  const rows = await pointsRecordsRepository(db).changedSince(year, VOLATILE, new Date(watermark), [...waiting.keys()]);
  const current = new Map(rows.map((record) => [record.id, record]));
  const gone = new Set<string>();
  for (const id of waiting.keys()) if (!current.has(id)) gone.add(id);
  return { current, gone };
}

/** The year's records for points (every state but draft), exact at `now`. Reads only. */
export async function ledgerRecords(db: CloudDatabase, year: number, now: Date): Promise<PointsRecord[]> {
  const chunks = usable(await pointsLedgerRepository(db).ofYear(year, LEDGER_CHUNKS * 2), now);
  if (!chunks) return pointsRecordsRepository(db).ofYear(year);
  const decoded = decode(chunks);
  const watermark = Math.min(...chunks.map((chunk) => chunk.syncedTo));
  return applyDelta(decoded.records, await deltaSince(db, year, watermark, decoded.waitingChunk));
}

export interface LedgerSync {
  readonly year: number;
  readonly rebuilt: boolean;
  /** Chunks whose records were rewritten (all of them on a rebuild). */
  readonly rewritten: number;
  readonly records: number;
}

async function rebuild(db: CloudDatabase, year: number, now: Date): Promise<LedgerSync> {
  const records = await pointsRecordsRepository(db).ofYear(year);
  const ledger = pointsLedgerRepository(db);
  await Promise.all(
    chunksOf(records).map((inChunk, chunk) =>
      ledger.write({ _id: chunkId(year, chunk), year, chunk, revision: now.getTime(), syncedTo: now.getTime() - MARGIN_MS, builtAt: now.getTime(), records: textOf(inChunk) }),
    ),
  );
  return { year, rebuilt: true, rewritten: LEDGER_CHUNKS, records: records.length };
}

/**
 * The ledger job for one year: rebuilds it when missing, older than a day or ahead of the clock;
 * otherwise applies the changes since the watermark to the chunks they touch and moves every chunk's
 * watermark to now (minus a margin for requests in flight). Each chunk is written only at the
 * revision read: a concurrent run's chunk wins and the next run catches up.
 */
export async function syncLedger(db: CloudDatabase, year: number, now: Date): Promise<LedgerSync> {
  const ledger = pointsLedgerRepository(db);
  const chunks = usable(await ledger.ofYear(year, LEDGER_CHUNKS * 2), now);
  if (!chunks || chunks.some((chunk) => now.getTime() - chunk.builtAt > REBUILD_AFTER_MS)) return rebuild(db, year, now);
  const decoded = decode(chunks);
  const watermark = Math.min(...chunks.map((chunk) => chunk.syncedTo));
  const delta = await deltaSince(db, year, watermark, decoded.waitingChunk);
  const touched = chunksTouched(delta, decoded.waitingChunk);
  const syncedTo = now.getTime() - MARGIN_MS;
  let rewritten = 0;
  let records = 0;
  await Promise.all(
    chunks.map((chunk) => {
      const before = recordsOfText(chunk.records);
      const after = touched.has(chunk.chunk) ? applyDelta(before, restrictTo(delta, chunk.chunk)) : before;
      records += after.length;
      const text = after === before ? chunk.records : textOf(after);
      if (text !== chunk.records) rewritten += 1;
      return ledger.updateAtRevision(chunk._id, chunk.revision, { ...(text !== chunk.records ? { records: text } : {}), revision: chunk.revision + 1, syncedTo });
    }),
  );
  return { year, rebuilt: false, rewritten, records };
}

function restrictTo(delta: LedgerDelta, chunk: number): LedgerDelta {
  const current = new Map<string, PointsRecord>();
  for (const [id, record] of delta.current) if (ledgerChunkOf(record.pairingId) === chunk) current.set(id, record);
  return { current, gone: delta.gone };
}
