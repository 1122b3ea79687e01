import type { PlanOp } from '../../../../src/domain/admin/importTypes';
import { sameDocument } from '../../../../src/domain/admin/stable';
import type { AuditDocument, ImportChunkDocument, ImportJobDocument } from '../../../db/adminDocuments';
import { importJobsRepository } from '../../../repositories/importJobs';
import type { CloudDatabase } from '../../../runtime/cloud';
import type { Caller } from '../../../runtime/context';
import { newToken } from '../../../runtime/tokens';

/**
 * Applies an import plan all or nothing, in few requests. Each chunk (up to 60 documents) is written
 * with batched requests: its current documents, audit entries and name/code holders read in parallel,
 * new documents created with one `add` per collection, changed ones written in parallel (at most
 * `WRITE_CONCURRENCY` at once), then the job's `applied` counter moved by one conditional update.
 *  - A chunk's writes are idempotent: a document already as the plan wants it is left alone, so a
 *    chunk interrupted half-way (timeout, crash) is finished by the next call, and two calls pressing
 *    on at once write nothing twice (the counter moves once).
 *  - Before writing, every document must be as the dry run saw it (or already as the plan wants it):
 *    if anything changed since (or a write fails, e.g. a duplicate code), the job turns to
 *    `rollingBack` and the chunks — the one under way included — are undone last-first, each undo
 *    again batched, until nothing of the import remains. A rollback leaves alone a document someone
 *    changed meanwhile.
 * Work per call is counted in sequential request rounds under WeChat's worst latency (a round of
 * parallel requests counts once), so a call stops well within the admin function's timeout.
 */
export interface CommitBudget {
  /** Stop after this many chunks (the page asks for a few at a time to show progress). */
  readonly maxChunks: number;
  /** Stop starting new chunks after this instant (the function's own time limit, wall clock). */
  readonly until: number;
  /** Stop starting new chunks once this many request rounds are spent (the modelled time limit). */
  readonly maxRounds: number;
}

/** Parallel writes of one chunk at most. */
const WRITE_CONCURRENCY = 10;
/** Request rounds a chunk may take at most: reads (2), creates (1), changes (60 ÷ 10), the counter (1). */
export const ROUNDS_PER_CHUNK_MAX = 10;

export async function advanceImport(db: CloudDatabase, job: ImportJobDocument, caller: Pick<Caller, 'personId' | 'name'>, now: Date, budget: CommitBudget): Promise<ImportJobDocument> {
  let current = job;
  let done = 0;
  let rounds = 0;
  const hasBudget = () => done < budget.maxChunks && Date.now() < budget.until && rounds + ROUNDS_PER_CHUNK_MAX <= budget.maxRounds;

  if (current.state === 'ready') current = await moveState(db, current, 'ready', { state: 'committing' }, now);

  while (current.state === 'committing' && current.applied < current.chunkCount && hasBudget()) {
    const chunk = await chunkAt(db, current._id, current.applied);
    rounds += 1;
    const outcome = chunk ? await applyChunk(db, current._id, chunk, now) : { problem: '导入计划不完整', rounds: 0 };
    rounds += outcome.rounds;
    if (outcome.problem !== undefined) {
      // Another call of the same import may have moved on meanwhile: that is no change by others.
      const stored = (await importJobsRepository(db).job(current._id)) ?? current;
      if (stored.state !== current.state || stored.applied !== current.applied) {
        current = stored;
        continue;
      }
      current = await startRollback(db, current, outcome.problem, now);
      break;
    }
    if (outcome.moved) current = { ...current, applied: current.applied + 1, updatedAt: now };
    else current = (await importJobsRepository(db).job(current._id)) ?? current;
    done += 1;
  }
  if (current.state === 'committing' && current.applied === current.chunkCount) {
    current = await moveState(db, current, 'committing', { state: 'committed', committedAt: now }, now);
    await recordOutcome(db, current, caller, now, 'import.commit', `导入“${current.fileName}”：共 ${current.totals?.rows ?? 0} 行`);
  }

  while (current.state === 'rollingBack' && current.applied > 0 && Date.now() < budget.until && rounds + ROUNDS_PER_CHUNK_MAX <= budget.maxRounds) {
    const chunk = await chunkAt(db, current._id, current.applied - 1);
    rounds += 1 + (chunk ? await undoChunk(db, chunk) : 0);
    const moved = await importJobsRepository(db).moveApplied(current._id, 'rollingBack', current.applied, current.applied - 1, now);
    rounds += 1;
    current = moved ? { ...current, applied: current.applied - 1, updatedAt: now } : ((await importJobsRepository(db).job(current._id)) ?? current);
    done += 1;
  }
  if (current.state === 'rollingBack' && current.applied === 0) {
    current = await moveState(db, current, 'rollingBack', { state: 'rolledBack' }, now);
    await recordOutcome(db, current, caller, now, 'import.rollback', `导入“${current.fileName}”失败并已全部撤销：${current.failure ?? ''}`);
  }
  return current;
}

async function chunkAt(db: CloudDatabase, importId: string, index: number): Promise<ImportChunkDocument | undefined> {
  return importJobsRepository(db).chunkAt(importId, index);
}

const planCollections = ['units', 'orgs', 'pairings'] as const;
type Current = Map<string, Readonly<Record<string, unknown>>>;

/** The chunk's documents as they are now (by `collection/id`) and which of its audit entries are stored: one round of parallel reads. */
async function readChunk(db: CloudDatabase, chunk: ImportChunkDocument, withHolders: boolean): Promise<{ current: Current; audited: Set<string>; clash: string | undefined }> {
  const jobs = importJobsRepository(db);
  const current: Current = new Map();
  const reads: Array<Promise<unknown>> = planCollections.map(async (collection) => {
    const ids = chunk.ops.filter((op) => op.collection === collection).map((op) => op.id);
    if (ids.length === 0) return;
    for (const document of await jobs.documents(collection, ids)) current.set(`${collection}/${document._id}`, document);
  });
  let clash: string | undefined;
  if (withHolders) {
    // A unit or org the plan creates must not have appeared meanwhile under another id (no duplicates).
    for (const collection of ['units', 'orgs'] as const) {
      const created = chunk.ops.filter((op) => op.collection === collection && op.before === null);
      if (created.length === 0) continue;
      const planned = new Set(created.map((op) => op.id));
      reads.push(
        jobs.holdersOfNameOrCode(collection, created.map((op) => String(op.after['name'])), created.map((op) => String(op.after['code']))).then((holders) => {
          const other = holders.find((holder) => !planned.has(holder._id));
          if (other && clash === undefined) clash = other.name;
        }),
      );
    }
  }
  const audited = jobs.storedAuditIds(chunk.audit.map((entry) => entry._id));
  await Promise.all(reads);
  return { current, audited: await audited, clash };
}

/** Runs the writes at most `WRITE_CONCURRENCY` at a time; answers the rounds they took. */
async function inWaves(writes: ReadonlyArray<() => Promise<void>>): Promise<number> {
  for (let start = 0; start < writes.length; start += WRITE_CONCURRENCY) await Promise.all(writes.slice(start, start + WRITE_CONCURRENCY).map((write) => write()));
  return Math.ceil(writes.length / WRITE_CONCURRENCY);
}

function isDuplicate(error: unknown): boolean {
  return /duplicate key|E11000/i.test(String((error as { errMsg?: unknown })?.errMsg ?? (error as Error)?.message ?? error));
}

/** Creates documents in one request; when some exist already (a call before, or beside, this one), one by one, accepting those as planned. */
async function createAll(db: CloudDatabase, collection: PlanOp['collection'] | 'auditTrail', documents: ReadonlyArray<Readonly<Record<string, unknown>> & { readonly _id: string }>): Promise<number> {
  const jobs = importJobsRepository(db);
  if (documents.length === 0) return 0;
  try {
    await jobs.addDocuments(collection, documents);
    return 1;
  } catch (error) {
    if (!isDuplicate(error)) throw error;
  }
  const existing = collection === 'auditTrail' ? await jobs.storedAuditIds(documents.map((document) => document._id)) : new Set((await jobs.documents(collection, documents.map((document) => document._id))).filter((found) => sameDocument(found, documents.find((document) => document._id === found._id)!)).map((found) => found._id));
  const rounds = await inWaves(documents.filter((document) => !existing.has(document._id)).map((document) => () => jobs.addDocument(collection, document)));
  return 2 + rounds;
}

/** Applies one chunk; answers why it cannot be applied as planned (Chinese), whether this call moved the counter, and the rounds spent. */
async function applyChunk(db: CloudDatabase, importId: string, chunk: ImportChunkDocument, now: Date): Promise<{ problem?: string; moved?: boolean; rounds: number }> {
  const jobs = importJobsRepository(db);
  const { current, audited, clash } = await readChunk(db, chunk, true);
  let rounds = 1;
  const pending: PlanOp[] = [];
  for (const op of chunk.ops) {
    const found = current.get(`${op.collection}/${op.id}`) ?? null;
    if (sameDocument(found, op.before)) pending.push(op);
    else if (!sameDocument(found, op.after)) {
      const name = String((op.before ?? op.after)['name'] ?? (op.before ?? op.after)['unitName'] ?? op.id);
      return { problem: `预检之后“${name}”已被修改或新建，请重新上传表格预检`, rounds };
    }
  }
  if (clash !== undefined) return { problem: `预检之后“${clash}”已被修改或新建，请重新上传表格预检`, rounds };
  try {
    const creates = planCollections.map((collection) => createAll(db, collection, pending.filter((op) => op.collection === collection && op.before === null).map((op) => ({ ...op.after, _id: op.id }))));
    const audit = createAll(db, 'auditTrail', chunk.audit.filter((entry) => !audited.has(entry._id)).map((entry) => ({ ...entry, at: now })));
    const changes = inWaves(pending.filter((op) => op.before !== null).map((op) => () => jobs.setDocument(op.collection, op.id, op.after)));
    rounds += Math.max(...(await Promise.all([...creates, audit, changes])));
  } catch (error) {
    return { problem: failureReason(error), rounds };
  }
  const moved = await jobs.moveApplied(importId, 'committing', chunk.index, chunk.index + 1, now);
  return { moved, rounds: rounds + 1 };
}

/** Undoes what this import wrote of one chunk and nobody changed since; answers the rounds spent. */
async function undoChunk(db: CloudDatabase, chunk: ImportChunkDocument): Promise<number> {
  const jobs = importJobsRepository(db);
  const { current, audited } = await readChunk(db, chunk, false);
  const ours = chunk.ops.filter((op) => {
    const found = current.get(`${op.collection}/${op.id}`);
    return found !== undefined && sameDocument(found, op.after);
  });
  const removals = planCollections.map(async (collection) => {
    await jobs.removeDocuments(collection, ours.filter((op) => op.collection === collection && op.before === null).map((op) => op.id));
    return 1;
  });
  const audit = jobs.removeDocuments('auditTrail', chunk.audit.filter((entry) => audited.has(entry._id)).map((entry) => entry._id)).then(() => 1);
  const restores = inWaves(ours.filter((op) => op.before !== null).map((op) => () => jobs.setDocument(op.collection, op.id, op.before!)));
  return 1 + Math.max(...(await Promise.all([...removals, audit, restores])));
}

/** Turns to rolling back; the chunk under way counts as applied (it may be half-written: undoing an unwritten chunk changes nothing). */
async function startRollback(db: CloudDatabase, job: ImportJobDocument, reason: string, now: Date): Promise<ImportJobDocument> {
  return moveState(db, job, 'committing', { state: 'rollingBack', failure: reason, applied: Math.min(job.applied + 1, job.chunkCount) }, now);
}

/** A conditional state change; answers the job as stored afterwards (another call may have moved it). */
async function moveState(db: CloudDatabase, job: ImportJobDocument, from: ImportJobDocument['state'], changes: Partial<ImportJobDocument>, now: Date): Promise<ImportJobDocument> {
  const jobs = importJobsRepository(db);
  await jobs.moveState(job._id, from, { ...changes, updatedAt: now });
  return (await jobs.job(job._id)) ?? job;
}

async function recordOutcome(db: CloudDatabase, job: ImportJobDocument, caller: Pick<Caller, 'personId' | 'name'>, now: Date, action: 'import.commit' | 'import.rollback', note: string): Promise<void> {
  const entry: AuditDocument = {
    _id: `audit-${job._id}-${action === 'import.commit' ? 'commit' : `rollback-${newToken().slice(0, 6)}`}`,
    at: now,
    actorId: caller.personId,
    actorName: caller.name,
    action,
    subjectType: 'import',
    subjectId: job._id,
    subjectName: job.fileName,
    unitId: null,
    orgId: null,
    personId: null,
    streetIds: job.scope.district ? [] : job.scope.streetIds,
    changes: [],
    note,
  };
  await importJobsRepository(db).setAuditEntry(entry);
}

function failureReason(error: unknown): string {
  const message = String((error as { errMsg?: unknown })?.errMsg ?? (error as Error)?.message ?? error);
  if (/duplicate key|E11000/i.test(message)) {
    const value = /dup key: \{ \w+: "?([^"}]+)"? \}/.exec(message)?.[1];
    return `编码${value ? `“${value.trim()}”` : ''}与系统中已有的记录重复（可能是预检之后新建的），导入已撤销`;
  }
  if (/conflict/i.test(message)) return '导入时数据正被他人修改，导入已撤销，请稍后重新预检';
  console.error('[gongjian] import chunk failed', error);
  return '导入过程中出现系统错误，导入已撤销，请稍后重试';
}
