import type { PlanCollection } from '../../src/domain/admin/importTypes';
import type { AuditDocument, ImportChunkDocument, ImportJobDocument } from '../db/adminDocuments';
import { Collection, PAGE_MAX } from '../db/collection';
import { withoutId } from '../db/transaction';
import type { CloudDatabase } from '../runtime/cloud';

type Stored = Readonly<Record<string, unknown>> & { readonly _id: string };

const CHUNKS_PER_WRITE = 5;

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
    chunkAt: (importId: string, index: number): Promise<ImportChunkDocument | undefined> => chunks.byId(`${importId}-${index}`),
    /** Changes the job's state only if it is still `from` (another call may have moved it). */
    moveState: async (importId: string, from: ImportJobDocument['state'], changes: Partial<ImportJobDocument>): Promise<void> => {
      await jobs.updateWhere({ _id: importId, state: from }, changes);
    },
    /** The documents of a plan's collection with these ids, as they are now. */
    documents: (collection: PlanCollection, ids: readonly string[]): Promise<Stored[]> => planned(collection).find({ _id: _.in([...ids]) }, { limit: PAGE_MAX }),
    /** Units or orgs holding one of these names or codes (at most a page: a chunk's worth). */
    holdersOfNameOrCode: (collection: 'units' | 'orgs', names: readonly string[], codes: readonly string[]): Promise<Array<{ _id: string; name: string }>> =>
      planned(collection).find<{ _id: string; name: string }>(_.or([{ name: _.in([...names]) }, { code: _.in([...codes]) }]), { fields: { _id: 1, name: 1 }, limit: PAGE_MAX }),
    /** Creates documents (each with its `_id`) in one request. */
    addDocuments: async (collection: PlanCollection | 'auditTrail', documents: ReadonlyArray<Readonly<Record<string, unknown>>>): Promise<void> => {
      if (documents.length > 0) await (collection === 'auditTrail' ? trail : planned(collection)).insert([...documents]);
    },
    addDocument: async (collection: PlanCollection | 'auditTrail', document: Readonly<Record<string, unknown>>): Promise<void> => {
      await (collection === 'auditTrail' ? trail : planned(collection)).insert(document);
    },
    setDocument: async (collection: PlanCollection, id: string, document: Readonly<Record<string, unknown>>): Promise<void> => {
      await planned(collection).set(id, withoutId(document));
    },
    /** Removes the documents with these ids in one request. */
    removeDocuments: async (collection: PlanCollection | 'auditTrail', ids: readonly string[]): Promise<void> => {
      if (ids.length > 0) await (collection === 'auditTrail' ? trail : planned(collection)).removeWhere({ _id: _.in([...ids]) });
    },
    /** Moves the applied-chunks counter from `from` to `to` if the job is still in `state` at `from`; answers whether it moved. */
    moveApplied: async (importId: string, state: ImportJobDocument['state'], from: number, to: number, now: Date): Promise<boolean> =>
      (await jobs.updateWhere({ _id: importId, state, applied: from }, { applied: to, updatedAt: now })) === 1,
    /** Adds the chunks of a plan, a few per request (a chunk holds up to 60 documents before and after). */
    addChunks: async (all: readonly ImportChunkDocument[]): Promise<void> => {
      for (let start = 0; start < all.length; start += CHUNKS_PER_WRITE) await chunks.insert(all.slice(start, start + CHUNKS_PER_WRITE));
    },
    /** Which of these audit entries are stored. */
    storedAuditIds: async (ids: readonly string[]): Promise<Set<string>> =>
      new Set(ids.length === 0 ? [] : (await trail.find<{ _id: string }>({ _id: _.in([...ids]) }, { fields: { _id: 1 }, limit: PAGE_MAX })).map((entry) => entry._id)),
    /** An audit entry under its own id (written again by a repeated call, never twice). */
    setAuditEntry: async (entry: AuditDocument): Promise<void> => {
      await trail.set(entry._id, withoutId(entry));
    },
  };
}
