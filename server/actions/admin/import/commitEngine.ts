import type { PlanOp } from '../../../../src/domain/admin/importTypes';
import { sameDocument } from '../../../../src/domain/admin/stable';
import type { AuditDocument, ImportChunkDocument, ImportJobDocument } from '../../../db/adminDocuments';
import { inTransaction, TxRefusal } from '../../../db/transaction';
import { importJobsRepository } from '../../../repositories/importJobs';
import type { CloudDatabase } from '../../../runtime/cloud';
import type { Caller } from '../../../runtime/context';
import { newToken } from '../../../runtime/tokens';

/**
 * Applies an import plan all or nothing, with only what a cloud transaction allows (doc operations
 * and add). Each chunk is one transaction that also advances the job's `applied` counter, so:
 *  - a chunk is applied entirely or not at all, and never twice (the counter is checked inside);
 *  - a commit interrupted between chunks (timeout, crash) resumes where it stopped on the next call;
 *  - before a chunk, its documents are compared with the dry run's "before" images: if anything
 *    changed since (or a chunk fails, e.g. a duplicate code), the job turns to `rollingBack` and the
 *    applied chunks are undone last-first (each undo again one transaction with the counter), until
 *    nothing of the import remains. A rollback leaves alone a document someone changed meanwhile.
 */
export interface CommitBudget {
  /** Stop after this many chunk transactions (the page asks for a few at a time to show progress). */
  readonly maxChunks: number;
  /** Stop starting new chunks after this instant (the function's own time limit). */
  readonly until: number;
}

export async function advanceImport(db: CloudDatabase, job: ImportJobDocument, caller: Pick<Caller, 'personId' | 'name'>, now: Date, budget: CommitBudget): Promise<ImportJobDocument> {
  let current = job;
  let done = 0;
  const hasBudget = () => done < budget.maxChunks && Date.now() < budget.until;

  if (current.state === 'ready') current = await moveState(db, current, 'ready', { state: 'committing' }, now);

  while (current.state === 'committing' && current.applied < current.chunkCount && hasBudget()) {
    const chunk = await chunkAt(db, current._id, current.applied);
    const problem = chunk ? await changedSinceDryRun(db, chunk.ops) : '导入计划不完整';
    if (problem) {
      // Another call of the same import may have applied this chunk meanwhile: that is no change by others.
      const stored = (await importJobsRepository(db).job(current._id)) ?? current;
      if (stored.state !== current.state || stored.applied !== current.applied) {
        current = stored;
        continue;
      }
      current = await startRollback(db, current, problem, now);
      break;
    }
    try {
      await applyChunk(db, current._id, chunk!, now);
      current = { ...current, applied: current.applied + 1, updatedAt: now };
    } catch (error) {
      current = await startRollback(db, current, failureReason(error), now);
      break;
    }
    done += 1;
  }
  if (current.state === 'committing' && current.applied === current.chunkCount) {
    current = await moveState(db, current, 'committing', { state: 'committed', committedAt: now }, now);
    await recordOutcome(db, current, caller, now, 'import.commit', `导入“${current.fileName}”：共 ${current.totals?.rows ?? 0} 行`);
  }

  while (current.state === 'rollingBack' && current.applied > 0 && Date.now() < budget.until) {
    const chunk = await chunkAt(db, current._id, current.applied - 1);
    if (chunk) await undoChunk(db, current._id, chunk, now);
    current = { ...current, applied: current.applied - 1, updatedAt: now };
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

/** Why the chunk cannot be applied as planned (Chinese), or undefined when every document is as the dry run saw it. */
async function changedSinceDryRun(db: CloudDatabase, ops: readonly PlanOp[]): Promise<string | undefined> {
  const jobs = importJobsRepository(db);
  for (const collection of ['units', 'orgs', 'pairings'] as const) {
    const mine = ops.filter((op) => op.collection === collection);
    if (mine.length === 0) continue;
    const found = await jobs.documents(collection, mine.map((op) => op.id));
    const byId = new Map(found.map((document) => [document._id, document]));
    for (const op of mine) {
      const now = byId.get(op.id) ?? null;
      if (!sameDocument(now, op.before)) {
        const name = String((op.before ?? op.after)['name'] ?? (op.before ?? op.after)['unitName'] ?? op.id);
        return `预检之后“${name}”已被修改或新建，请重新上传表格预检`;
      }
    }
    // A unit or org the plan creates must not have appeared meanwhile under another id (no duplicates).
    const created = mine.filter((op) => op.before === null);
    if (collection !== 'pairings' && created.length > 0) {
      const names = created.map((op) => String(op.after['name']));
      const codes = created.map((op) => String(op.after['code']));
      const clash = await jobs.holderOfNameOrCode(collection, names, codes);
      if (clash) return `预检之后“${clash.name}”已被修改或新建，请重新上传表格预检`;
    }
  }
  return undefined;
}

async function applyChunk(db: CloudDatabase, importId: string, chunk: ImportChunkDocument, now: Date): Promise<void> {
  const jobs = importJobsRepository(db);
  await inTransaction(db, async (tx) => {
    const write = jobs.inTx(tx);
    const job = await write.job(importId);
    if (job.state !== 'committing' || job.applied !== chunk.index) throw new TxRefusal(`chunk ${chunk.index} already applied or job ${job.state}`);
    for (const op of chunk.ops) await write.setDocument(op.collection, op.id, op.after);
    for (const entry of chunk.audit) await write.setAuditEntry(entry, now);
    await write.setApplied(importId, chunk.index + 1, now);
  }).catch((error: unknown) => {
    // Another call applied it first: not a failure of the import.
    if (error instanceof TxRefusal) return;
    throw error;
  });
}

async function undoChunk(db: CloudDatabase, importId: string, chunk: ImportChunkDocument, now: Date): Promise<void> {
  const jobs = importJobsRepository(db);
  const currentById = new Map<string, Readonly<Record<string, unknown>>>();
  for (const collection of ['units', 'orgs', 'pairings'] as const) {
    const ids = chunk.ops.filter((op) => op.collection === collection).map((op) => op.id);
    if (ids.length === 0) continue;
    for (const document of await jobs.documents(collection, ids)) currentById.set(`${collection}/${document._id}`, document);
  }
  const existingAudit = await jobs.storedAuditIds(chunk.audit.map((entry) => entry._id));
  await inTransaction(db, async (tx) => {
    const write = jobs.inTx(tx);
    const job = await write.job(importId);
    if (job.state !== 'rollingBack' || job.applied !== chunk.index + 1) throw new TxRefusal(`chunk ${chunk.index} already undone or job ${job.state}`);
    for (const op of [...chunk.ops].reverse()) {
      const now = currentById.get(`${op.collection}/${op.id}`);
      // Undo only what this import wrote and nobody changed since.
      if (!now || !sameDocument(now, op.after)) continue;
      if (op.before === null) await write.removeDocument(op.collection, op.id);
      else await write.setDocument(op.collection, op.id, op.before);
    }
    for (const entry of chunk.audit) if (existingAudit.has(entry._id)) await write.removeAuditEntry(entry._id);
    await write.setApplied(importId, chunk.index, now);
  }).catch((error: unknown) => {
    if (error instanceof TxRefusal) return;
    throw error;
  });
}

async function startRollback(db: CloudDatabase, job: ImportJobDocument, reason: string, now: Date): Promise<ImportJobDocument> {
  return moveState(db, job, 'committing', { state: 'rollingBack', failure: reason }, now);
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
