import type { AuditEntry } from '../../../src/domain/admin/audit';
import type { AuditDocument } from '../../db/adminDocuments';
import type { Caller } from '../../runtime/context';
import { newToken } from '../../runtime/tokens';

/** An audit entry by the caller, now, ready to `add` (inside the transaction that makes the change). */
export function auditEntry(caller: Pick<Caller, 'personId' | 'name'>, now: Date, entry: Omit<AuditEntry, 'at' | 'actorId' | 'actorName'>): AuditDocument {
  return { _id: `audit-${newToken()}`, at: now, actorId: caller.personId, actorName: caller.name, ...entry };
}

/** A document's fields without its `_id` (what `doc(id).set` and `add` take). */
export function withoutId<T extends { _id?: unknown }>(document: T): Omit<T, '_id'> {
  const { _id, ...rest } = document;
  void _id;
  return rest;
}
