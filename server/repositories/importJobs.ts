import type { AuditEntry } from '../../src/domain/admin/audit';
import type { PlanCollection } from '../../src/domain/admin/importTypes';
import type { AuditDocument, ImportChunkDocument, ImportJobDocument } from '../db/adminDocuments';
import { Collection, PAGE_MAX } from '../db/collection';
import type { Tx } from '../db/transaction';
import { withoutId } from '../db/transaction';
import type { CloudDatabase } from '../runtime/cloud';

type Stored = Readonly<Record<string, unknown>> & { readonly _id: string };

/**
 * Imports of the pairing table: the jobs, their planned chunks, and what the commit engine reads and
 * writes of units, orgs, pairings and the audit trail (server/actions/admin/import/commitEngine.ts).
 */
export function importJobsRepository(db: CloudDatabase) {
  const jobs = new Collection<ImportJobDocument>(db, 'adminImports');
  const chunks = new Collection<ImportChunkDocument>(db, 'adminImportChunks');
  const trail = new Collection<AuditDocument>(db, 'auditTrail');
  const planned = (collection: PlanCollection) => new Collection<Stored>(db, collection);
  const _ = db.command;
  return {
    job: (importId: string): Promise<ImportJobDocument | undefined> => jobs.byId(importId),
    /** Imports committing or rolling back now (there is at most one, unless one was abandoned). */
    running: (): Promise<ImportJobDocument[]> => jobs.find({ state: _.in(['committing', 'rollingBack']) }, { limit: 20 }),
    addJob: async (job: ImportJobDocument): Promise<void> => {
      await jobs.insert(job);
    },
    addChunk: async (chunk: ImportChunkDocument): Promise<void> => {
      await chunks.insert(chunk);
    },
    chunkAt: (importId: string, index: number): Promise<ImportChunkDocument | undefined> => chunks.byId(`${importId}-${index}`),
    /** Changes the job's state only if it is still `from` (another call may have moved it). */
    moveState: async (importId: string, from: ImportJobDocument['state'], changes: Partial<ImportJobDocument>): Promise<void> => {
      await jobs.updateWhere({ _id: importId, state: from }, changes);
    },
    /** The documents of a plan's collection with these ids, as they are now. */
    documents: (collection: PlanCollection, ids: readonly string[]): Promise<Stored[]> => planned(collection).find({ _id: _.in([...ids]) }, { limit: PAGE_MAX }),
    /** A unit or org already holding one of these names or codes. */
    holderOfNameOrCode: async (collection: 'units' | 'orgs', names: readonly string[], codes: readonly string[]): Promise<{ name: string } | undefined> =>
      (await planned(collection).find<{ name: string }>(_.or([{ name: _.in([...names]) }, { code: _.in([...codes]) }]), { limit: 1 }))[0],
    /** Which of these audit entries are stored. */
    storedAuditIds: async (ids: readonly string[]): Promise<Set<string>> =>
      new Set(ids.length === 0 ? [] : (await trail.find<{ _id: string }>({ _id: _.in([...ids]) }, { fields: { _id: 1 }, limit: PAGE_MAX })).map((entry) => entry._id)),
    /** An audit entry under its own id (written again by a repeated call, never twice). */
    setAuditEntry: async (entry: AuditDocument): Promise<void> => {
      await trail.set(entry._id, withoutId(entry));
    },
    /** What one chunk's transaction reads and writes. */
    inTx: (tx: Tx) => ({
      job: async (importId: string): Promise<ImportJobDocument> => (await tx.collection('adminImports').doc(importId).get()).data as ImportJobDocument,
      setDocument: async (collection: PlanCollection, id: string, document: Readonly<Record<string, unknown>>): Promise<void> => {
        await tx.collection(collection).doc(id).set({ data: withoutId(document) });
      },
      removeDocument: async (collection: PlanCollection, id: string): Promise<void> => {
        await tx.collection(collection).doc(id).remove();
      },
      setAuditEntry: async (entry: AuditEntry & { readonly _id: string }, at: Date): Promise<void> => {
        await tx.collection('auditTrail').doc(entry._id).set({ data: { ...withoutId(entry), at } });
      },
      removeAuditEntry: async (entryId: string): Promise<void> => {
        await tx.collection('auditTrail').doc(entryId).remove();
      },
      setApplied: async (importId: string, applied: number, now: Date): Promise<void> => {
        await tx.collection('adminImports').doc(importId).update({ data: { applied, updatedAt: now } });
      },
    }),
  };
}
