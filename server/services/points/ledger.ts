import type { PointsRecord } from '../../../src/domain/points/inputs';
import type { RecordState } from '../../../src/domain/records/stateMachine';
import { eachAtMost } from '../../db/parallel';
import type { LedgerChunkDocument, LedgerChunkHead } from '../../db/pointsDocuments';
import { pointsDistrictRepository } from '../../repositories/pointsDistrict';
import { pointsLedgerRepository } from '../../repositories/pointsLedger';
import { pointsRecordsRepository } from '../../repositories/pointsRecords';
import type { CloudDatabase } from '../../runtime/cloud';
import { newToken } from '../../runtime/tokens';
import { cachedChunk, keepChunk } from './ledgerCache';
import type { LedgerDelta } from './ledgerChunks';
import { applyDelta, chunksOf, chunksTouched, LEDGER_CHUNKS, inChunkOrder, ledgerChunkOf, lineOf, recordsOfText, textOf } from './ledgerChunks';

/**
 * The points ledger: a compact copy of the year's records as far as points are concerned (one line
 * per record, in 16 chunk documents, see ledgerChunks.ts), so a district's points never decode
 * 40,000 full records on a request.
 *
 * Reads never write. A read takes the chunks' heads (watermark, content key, the ids held waiting;
 * no text), then in one round trip: the texts of the chunks this instance does not hold decoded
 * under the same content key (ledgerCache.ts; none on a warm instance between two runs of the job),
 * and, in one request through the `state_submitted` index and `_id`, what may have changed since the
 * watermark: every record now submitted, disputed or revised; every record the ledger holds waiting
 * (to see where it went); and every confirmed record submitted since the watermark. The record state
 * machine (draft → submitted → confirmed | disputed → revised → submitted) makes that exact: a
 * record's points fields change only while it is a draft or revised, and every way back to
 * `confirmed` passes `submitted`, which sets `submittedAt`. Without a usable ledger (none yet, one
 * written before content keys, or the clock behind its watermark) a read takes the records themselves.
 *
 * The ledger job (`syncLedger`, the points function's hourly timer) writes: it applies the same
 * re-read to the chunks it touches, rebuilds the chunk built longest ago from its pairings' records
 * (every chunk is rebuilt within 16 runs, which also repairs anything changed outside the state
 * machine) and moves every chunk's watermark forward, so a read's re-read stays the last hour's work.
 * It builds the whole ledger from the records only when there is none to use.
 */
const MARGIN_MS = 10 * 60_000;
const VOLATILE: readonly RecordState[] = ['submitted', 'disputed', 'revised'];
/** Reads retried when the job rewrote a chunk between its head and its text. */
const READ_ATTEMPTS = 3;

const chunkId = (year: number, chunk: number) => `ledger-${year}-${chunk}`;

/** A complete ledger with content keys the clock is not behind of, by chunk number; undefined when it cannot be used. */
function usable<C extends LedgerChunkHead>(chunks: readonly C[], now: Date): C[] | undefined {
  const byNumber: C[] = [];
  for (const chunk of chunks) byNumber[chunk.chunk] = chunk;
  if (chunks.length !== LEDGER_CHUNKS || byNumber.length !== LEDGER_CHUNKS || byNumber.some((chunk) => chunk === undefined)) return undefined;
  if (byNumber.some((chunk) => typeof chunk.contentKey !== 'string' || !Array.isArray(chunk.waiting) || now.getTime() < chunk.syncedTo)) return undefined;
  return byNumber;
}

const watermarkOf = (heads: readonly LedgerChunkHead[]) => Math.min(...heads.map((head) => head.syncedTo));

/** The chunk of every record the heads hold waiting. */
function waitingChunks(heads: readonly LedgerChunkHead[]): Map<string, number> {
  const waiting = new Map<string, number>();
  for (const head of heads) for (const id of head.waiting) waiting.set(id, head.chunk);
  return waiting;
}

/** What changed since `watermark`, in one request (see above). */
async function deltaSince(db: CloudDatabase, year: number, watermark: number, waiting: ReadonlyMap<string, number>): Promise<LedgerDelta> {
  const rows = await pointsRecordsRepository(db).changedSince(year, VOLATILE, new Date(watermark), [...waiting.keys()]);
  const current = new Map(rows.map((record) => [record.id, record]));
  const gone = new Set<string>();
  for (const id of waiting.keys()) if (!current.has(id)) gone.add(id);
  return { current, gone };
}

/**
 * The records of these chunks, decoded (in the order given): from this instance's copies where their
 * content keys match, the others read in one request (and kept). Undefined when a chunk's text is no
 * longer the one its head named (the job rewrote it in between).
 */
async function chunkRecords(db: CloudDatabase, heads: readonly LedgerChunkHead[]): Promise<Array<readonly PointsRecord[]> | undefined> {
  const decoded = heads.map((head) => cachedChunk(head._id, head.contentKey));
  const missing = heads.filter((_head, index) => decoded[index] === undefined);
  if (missing.length === 0) return decoded as Array<readonly PointsRecord[]>;
  const texts = new Map((await pointsLedgerRepository(db).texts(missing.map((head) => head._id))).map((text) => [text._id, text]));
  for (const [index, head] of heads.entries()) {
    if (decoded[index] !== undefined) continue;
    const text = texts.get(head._id);
    if (text === undefined || text.contentKey !== head.contentKey) return undefined;
    const records = recordsOfText(text.records);
    keepChunk(head._id, head.contentKey, records);
    decoded[index] = records;
  }
  return decoded as Array<readonly PointsRecord[]>;
}

/** The year's records for points (every state but draft), exact at `now`. Reads only. */
export async function ledgerRecords(db: CloudDatabase, year: number, now: Date): Promise<PointsRecord[]> {
  for (let attempt = 0; attempt < READ_ATTEMPTS; attempt += 1) {
    const heads = usable(await pointsLedgerRepository(db).headsOfYear(year), now);
    if (!heads) break;
    const [chunks, delta] = await Promise.all([chunkRecords(db, heads), deltaSince(db, year, watermarkOf(heads), waitingChunks(heads))]);
    if (!chunks) continue;
    const records: PointsRecord[] = [];
    for (const inChunk of chunks) for (const record of inChunk) records.push(record);
    return applyDelta(records, delta);
  }
  return pointsRecordsRepository(db).ofYear(year);
}

export interface LedgerSync {
  readonly year: number;
  /** Built in full from the records (there was no usable ledger). */
  readonly rebuilt: boolean;
  /** Chunks whose records were rewritten (all of them on a full build). */
  readonly rewritten: number;
  /** The chunk rebuilt from its pairings' records on this run (the one built longest ago), if any. */
  readonly rebuiltChunk: number | null;
  readonly records: number;
}

/** What a chunk holds besides its place: its text, its key, the ids waiting, the count. */
function contentOf(records: readonly PointsRecord[]): Pick<LedgerChunkDocument, 'records' | 'contentKey' | 'waiting' | 'count'> {
  return { records: textOf(inChunkOrder(records)), contentKey: newToken(), waiting: records.filter((record) => record.state !== 'confirmed').map((record) => record.id), count: records.length };
}

async function buildAll(db: CloudDatabase, year: number, now: Date): Promise<LedgerSync> {
  const records = await pointsRecordsRepository(db).ofYear(year);
  const ledger = pointsLedgerRepository(db);
  await eachAtMost(chunksOf(records), (inChunk, chunk) =>
    ledger.write({ _id: chunkId(year, chunk), year, chunk, revision: now.getTime(), syncedTo: now.getTime() - MARGIN_MS, builtAt: now.getTime(), ...contentOf(inChunk) }),
  );
  return { year, rebuilt: true, rewritten: LEDGER_CHUNKS, rebuiltChunk: null, records: records.length };
}

/** The chunk built longest ago (the lowest number among equals): the one this run rebuilds. */
function oldestBuilt(heads: readonly LedgerChunkHead[]): LedgerChunkHead {
  return heads.reduce((oldest, head) => (head.builtAt < oldest.builtAt ? head : oldest));
}

/** A chunk's records read anew from the records of its pairings (the `pairing_date` index). */
async function chunkFromRecords(db: CloudDatabase, year: number, chunk: number): Promise<PointsRecord[]> {
  const pairings = await pointsDistrictRepository(db).pairingsOfYearWith(year, ['_id']);
  return pointsRecordsRepository(db).ofPairings(pairings.map((pairing) => pairing._id).filter((id) => ledgerChunkOf(id) === chunk));
}

const sameLines = (a: readonly PointsRecord[], b: readonly PointsRecord[]) => a.length === b.length && a.every((record, index) => lineOf(record) === lineOf(b[index]!));

/**
 * The ledger job for one year: builds it in full when there is none to use (missing, written before
 * content keys, or ahead of the clock); otherwise applies the changes since the watermark to the
 * chunks they touch, rebuilds the chunk built longest ago from the records, and moves every chunk's
 * watermark to now (minus a margin for requests in flight). A chunk whose records stay the same
 * keeps its text and content key. Each chunk is written only at the revision read: a concurrent
 * run's chunk wins and the next run catches up.
 */
export async function syncLedger(db: CloudDatabase, year: number, now: Date): Promise<LedgerSync> {
  const ledger = pointsLedgerRepository(db);
  const heads = usable(await ledger.headsOfYear(year), now);
  if (!heads) return buildAll(db, year, now);
  const waiting = waitingChunks(heads);
  const renewed = oldestBuilt(heads);
  const [delta, fresh] = await Promise.all([deltaSince(db, year, watermarkOf(heads), waiting), chunkFromRecords(db, year, renewed.chunk)]);
  const touched = chunksTouched(delta, waiting);
  touched.add(renewed.chunk);
  const read = heads.filter((head) => touched.has(head.chunk));
  const before = await chunkRecords(db, read);
  // Another run rewrote a chunk meanwhile: it has done this run's work; the next run catches up.
  if (before === undefined) return { year, rebuilt: false, rewritten: 0, rebuiltChunk: null, records: heads.reduce((sum, head) => sum + head.count, 0) };
  const changed = new Map<number, readonly PointsRecord[]>();
  for (const [index, head] of read.entries()) {
    const after = inChunkOrder(head.chunk === renewed.chunk ? fresh : applyDelta(before[index]!, restrictTo(delta, head.chunk)));
    if (!sameLines(before[index]!, after)) changed.set(head.chunk, after);
  }
  const syncedTo = now.getTime() - MARGIN_MS;
  let records = 0;
  await eachAtMost(heads, (head) => {
    const after = changed.get(head.chunk);
    records += after?.length ?? head.count;
    const built = head.chunk === renewed.chunk ? { builtAt: now.getTime() } : {};
    return ledger.updateAtRevision(head._id, head.revision, { ...(after === undefined ? {} : contentOf(after)), ...built, revision: head.revision + 1, syncedTo });
  });
  return { year, rebuilt: false, rewritten: changed.size, rebuiltChunk: renewed.chunk, records };
}

function restrictTo(delta: LedgerDelta, chunk: number): LedgerDelta {
  const current = new Map<string, PointsRecord>();
  for (const [id, record] of delta.current) if (ledgerChunkOf(record.pairingId) === chunk) current.set(id, record);
  return { current, gone: delta.gone };
}
