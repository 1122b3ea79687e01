import type { AuditEntry } from '../../src/domain/admin/audit';
import type { AuditDocument } from '../db/adminDocuments';
import type { Tx } from '../db/transaction';
import type { Caller } from '../runtime/context';
import { newToken } from '../runtime/tokens';

/** An audit entry by the caller, now (审计记录). */
export function auditEntry(caller: Pick<Caller, 'personId' | 'name'>, now: Date, entry: Omit<AuditEntry, 'at' | 'actorId' | 'actorName'>): AuditDocument {
  return { _id: `audit-${newToken()}`, at: now, actorId: caller.personId, actorName: caller.name, ...entry };
}

/** Writes audit entries inside the transaction that makes the change, so there is never a change without its entry. */
export async function recordAudit(tx: Tx, ...entries: readonly AuditDocument[]): Promise<void> {
  for (const entry of entries) await tx.collection('auditTrail').add({ data: entry });
}
