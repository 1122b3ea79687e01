import type { AuditEntry } from './audit';
import type { PlanOp } from './importTypes';

/**
 * An import runs as a job: the dry run stores its plan in chunks; the commit applies the chunks one
 * transaction at a time (each also moves the job's counter), so a commit that stops half-way can be
 * resumed, and one that fails is rolled back chunk by chunk until nothing of it remains.
 */
export type ImportState = 'invalid' | 'ready' | 'committing' | 'committed' | 'rollingBack' | 'rolledBack';

export const importStateLabels: Readonly<Record<ImportState, string>> = {
  invalid: '有问题，不能导入',
  ready: '检查通过，等待确认导入',
  committing: '正在导入',
  committed: '已导入',
  rollingBack: '导入失败，正在撤销',
  rolledBack: '导入失败，已全部撤销',
};

/** Whether a commit call has work to do in this state (start, resume, or finish undoing). */
export function commitCanProceed(state: ImportState): boolean {
  return state === 'ready' || state === 'committing' || state === 'rollingBack';
}

export function isFinished(state: ImportState): boolean {
  return state === 'invalid' || state === 'committed' || state === 'rolledBack';
}

export interface PlanChunk {
  readonly index: number;
  readonly ops: readonly PlanOp[];
  readonly audit: ReadonlyArray<AuditEntry & { readonly _id: string }>;
}

/** Ops kept per transaction: small enough for one quick transaction, large enough for few requests. */
export const OPS_PER_CHUNK = 60;

/** Splits a plan into chunks along row boundaries (a row's unit, org and pairing go together). */
export function chunkPlan(ops: readonly PlanOp[], audit: ReadonlyArray<AuditEntry & { readonly _id: string; readonly row: number }>, opsPerChunk = OPS_PER_CHUNK): PlanChunk[] {
  const rows = [...new Set([...ops.map((op) => op.row), ...audit.map((entry) => entry.row)])].sort((a, b) => a - b);
  const opsByRow = new Map<number, PlanOp[]>();
  for (const op of ops) opsByRow.set(op.row, [...(opsByRow.get(op.row) ?? []), op]);
  const auditByRow = new Map(audit.map((entry) => [entry.row, entry]));
  const chunks: PlanChunk[] = [];
  let currentOps: PlanOp[] = [];
  let currentAudit: Array<AuditEntry & { _id: string }> = [];
  const close = () => {
    if (currentOps.length === 0 && currentAudit.length === 0) return;
    chunks.push({ index: chunks.length, ops: currentOps, audit: currentAudit });
    currentOps = [];
    currentAudit = [];
  };
  for (const row of rows) {
    const rowOps = opsByRow.get(row) ?? [];
    if (currentOps.length > 0 && currentOps.length + rowOps.length > opsPerChunk) close();
    currentOps.push(...rowOps);
    const entry = auditByRow.get(row);
    if (entry) {
      const { row: _row, ...rest } = entry;
      currentAudit.push(rest);
    }
  }
  close();
  return chunks;
}
