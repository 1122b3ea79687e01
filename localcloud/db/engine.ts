/**
 * The database operations behind the wire actions, on parsed values.
 * Writes outside transactions are each one SQLite transaction; inside a
 * transaction they go to its buffer (transactions.ts).
 */
import { checkPipeline, lookedUpCollections, runPipeline } from './aggregate';
import { Catalog, type CollectionInfo } from './catalog';
import { decodeDoc, encodeDoc } from './codec';
import { duplicateKey, requestFailed } from './errors';
import { newDocumentId } from './ids';
import type { ForeignReader } from './lookupPushdown';
import { fieldsRead, loadFields } from './pushdown';
import { findDocs, findWithWire, loadCandidates, matching, projectDoc, type FindOptions, type Found, type ScanStats } from './query';
import type { Store } from './store';
import { LockedByTransactions, TransactionManager, type Transaction } from './transactions';
import { idFirst, isPlainObject, type Doc } from './types';
import { isDocumentId, storageKey, type DocumentId } from './documentIds';
import { applyUpdate, checkUpdate, replacement } from './update';
import { validateDocument } from './validate';

export interface EngineStats extends ScanStats {
  requests: number;
}

export class Engine {
  readonly catalog: Catalog;
  readonly stats: EngineStats = { requests: 0, indexScans: 0, fullScans: 0, documentsRead: 0 };
  private readonly transactions = new TransactionManager();
  /** Sub-pipeline $lookups read through indexes (lookupPushdown.ts); off only to compare answers in tests. */
  lookupPushdown = true;

  constructor(private readonly store: Store) {
    this.catalog = new Catalog(store);
  }

  close(): void {
    this.transactions.clear();
    this.store.close();
  }

  private collection(name: unknown): CollectionInfo {
    if (!this.store.isOpen) throw requestFailed('the local database is closed');
    if (typeof name !== 'string') throw requestFailed('collectionName is required');
    return this.catalog.require(name);
  }

  // ---- insert -----------------------------------------------------------------

  insert(collectionName: unknown, docs: Doc[], txId?: unknown): string[] {
    const info = this.collection(collectionName);
    const prepared = docs.map((doc) => {
      const withId = idFirst({ ...doc, _id: doc._id ?? newDocumentId() });
      validateDocument(withId);
      this.catalog.checkDocument(info, withId);
      return withId;
    });
    if (txId !== undefined) {
      const tx = this.transactions.get(txId);
      for (const doc of prepared) {
        const key = storageKey(doc._id as DocumentId);
        if (tx.read(this.store, info.name, key) !== null) throw duplicateKey(info.name, '_id_', `_id: ${JSON.stringify(doc._id)}`);
        this.transactions.write(tx, info.name, key, doc);
      }
    } else {
      this.store.write(() => {
        const keys = prepared.map((doc) => storageKey(doc._id as DocumentId));
        this.touch(info, keys);
        const seq = this.store.nextSeq();
        prepared.forEach((doc, index) => this.guard(info, doc, () => this.store.insert(info.name, keys[index] as string, encodeDoc(doc), seq)));
      });
    }
    return prepared.map((doc) => doc._id as string);
  }

  // ---- reads ------------------------------------------------------------------

  getById(collectionName: unknown, id: unknown, projection: Doc | undefined, txId?: unknown): Doc[] {
    const info = this.collection(collectionName);
    if (!isDocumentId(id)) return [];
    const key = storageKey(id);
    let doc: Doc | null;
    if (txId !== undefined) doc = this.transactions.get(txId).read(this.store, info.name, key);
    else {
      const row = this.store.getRow(info.name, key);
      doc = row ? decodeDoc(row.data) : null;
    }
    return doc ? [projectDoc(doc, projection)] : [];
  }

  find(collectionName: unknown, query: Doc, options: FindOptions): Doc[] {
    const info = this.collection(collectionName);
    return findDocs(loadCandidates(this.store, info, query, this.stats), query, options);
  }

  /** find() for the wire: each document with its stored text when that already is its answer (query.ts findWithWire). */
  findForWire(collectionName: unknown, query: Doc, options: FindOptions): Found[] {
    const info = this.collection(collectionName);
    return findWithWire(loadCandidates(this.store, info, query, this.stats), query, options);
  }

  count(collectionName: unknown, query: Doc): number {
    const info = this.collection(collectionName);
    return matching(loadCandidates(this.store, info, query, this.stats), query).length;
  }

  aggregate(collectionName: unknown, stages: Doc[]): Doc[] {
    const info = this.collection(collectionName);
    checkPipeline(stages);
    for (const name of lookedUpCollections(stages)) this.collection(name);
    const first = stages[0];
    const match = first && isPlainObject(first.$match) ? first.$match : {};
    // A pipeline that reads only a few fields gets only those from storage (pushdown.ts).
    const fields = fieldsRead(stages);
    const docs = fields ? loadFields(this.store, info, match, fields, this.stats) : loadCandidates(this.store, info, match, this.stats).map((candidate) => candidate.doc);
    const cache = new Map<string, Doc[]>();
    const resolve = (name: string): Doc[] => {
      let foreign = cache.get(name);
      if (!foreign) {
        const rows = this.store.scan(this.collection(name).name);
        this.stats.documentsRead += rows.length;
        foreign = rows.map((row) => decodeDoc(row.data));
        cache.set(name, foreign);
      }
      return foreign;
    };
    const narrow = (name: string, field: string, values: readonly unknown[]): Doc[] =>
      loadCandidates(this.store, this.collection(name), { [field]: { $in: values } }, this.stats).map((candidate) => candidate.doc);
    // A sub-pipeline $lookup reads, for each joined document, what its leading $match can keep (lookupPushdown.ts).
    const reader: ForeignReader = {
      info: (name) => this.collection(name),
      read: (name, condition) => {
        this.stats.indexScans += 1;
        const rows = this.store.scan(this.collection(name).name, condition);
        this.stats.documentsRead += rows.length;
        return rows.map((row) => decodeDoc(row.data));
      },
      nthValue: (name, condition, expression, descending, offset) => this.store.nthValue(this.collection(name).name, condition, expression, descending, offset),
    };
    return runPipeline(docs, stages, resolve, narrow, this.lookupPushdown ? reader : undefined).map(idFirst);
  }

  // ---- single-document writes ----------------------------------------------------

  /**
   * doc(id).set(): replace, or insert when missing. WeChat reports `updated: 1` for every replaced
   * document, also when the data is unchanged (a replacement is a write), and `upserted` for an insert.
   */
  setById(collectionName: unknown, id: DocumentId, data: Doc, txId?: unknown): { updated: number; upsertedId?: DocumentId } {
    const info = this.collection(collectionName);
    const doc = replacement(id, data);
    validateDocument(doc);
    this.catalog.checkDocument(info, doc);
    const key = storageKey(id);
    if (txId !== undefined) {
      const tx = this.transactions.get(txId);
      const before = tx.read(this.store, info.name, key);
      this.transactions.write(tx, info.name, key, doc);
      return before === null ? { updated: 0, upsertedId: id } : { updated: 1 };
    }
    return this.store.write(() => {
      this.touch(info, [key]);
      const row = this.store.getRow(info.name, key);
      const encoded = encodeDoc(doc);
      if (!row) {
        this.guard(info, doc, () => this.store.insert(info.name, key, encoded, this.store.nextSeq()));
        return { updated: 0, upsertedId: id };
      }
      this.guard(info, doc, () => this.store.update(info.name, key, encoded, this.store.nextSeq()));
      return { updated: 1 };
    });
  }

  /** doc(id).update(): operators applied to one document; 0 when it does not exist or nothing changed. */
  updateById(collectionName: unknown, id: unknown, update: Doc, txId?: unknown): number {
    const info = this.collection(collectionName);
    checkUpdate(update);
    if (!isDocumentId(id)) return 0;
    const key = storageKey(id);
    if (txId !== undefined) {
      const tx = this.transactions.get(txId);
      const before = tx.read(this.store, info.name, key);
      if (before === null) return 0;
      const after = this.updated(info, before, update, { _id: id });
      if (!after) return 0;
      this.transactions.write(tx, info.name, key, after);
      return 1;
    }
    return this.store.write(() => {
      const row = this.store.getRow(info.name, key);
      if (!row) return 0;
      const after = this.updated(info, decodeDoc(row.data), update, { _id: id });
      if (!after) return 0;
      this.touch(info, [key]);
      this.guard(info, after, () => this.store.update(info.name, key, encodeDoc(after), this.store.nextSeq()));
      return 1;
    });
  }

  removeById(collectionName: unknown, id: unknown, txId?: unknown): number {
    const info = this.collection(collectionName);
    if (!isDocumentId(id)) return 0;
    const key = storageKey(id);
    if (txId !== undefined) {
      const tx = this.transactions.get(txId);
      if (tx.read(this.store, info.name, key) === null) return 0;
      this.transactions.write(tx, info.name, key, null);
      return 1;
    }
    return this.store.write(() => {
      if (!this.store.getRow(info.name, key)) return 0;
      this.touch(info, [key]);
      this.store.nextSeq();
      this.store.delete(info.name, key);
      return 1;
    });
  }

  // ---- multi-document writes -----------------------------------------------------

  updateWhere(collectionName: unknown, query: Doc, update: Doc, multi: boolean): number {
    const info = this.collection(collectionName);
    checkUpdate(update);
    return this.store.write(() => {
      let targets = matching(loadCandidates(this.store, info, query, this.stats), query);
      if (!multi) targets = targets.slice(0, 1);
      this.touch(info, targets.map((target) => target.id));
      let seq: number | undefined;
      let updated = 0;
      for (const target of targets) {
        const after = this.updated(info, target.doc, update, query);
        if (!after) continue;
        seq ??= this.store.nextSeq();
        const writeSeq = seq;
        this.guard(info, after, () => this.store.update(info.name, target.id, encodeDoc(after), writeSeq));
        updated += 1;
      }
      return updated;
    });
  }

  removeWhere(collectionName: unknown, query: Doc, multi: boolean): number {
    const info = this.collection(collectionName);
    return this.store.write(() => {
      let targets = matching(loadCandidates(this.store, info, query, this.stats), query);
      if (!multi) targets = targets.slice(0, 1);
      this.touch(info, targets.map((target) => target.id));
      if (targets.length > 0) this.store.nextSeq();
      for (const target of targets) this.store.delete(info.name, target.id);
      return targets.length;
    });
  }

  // ---- transactions ---------------------------------------------------------------

  startTransaction(): string {
    if (!this.store.isOpen) throw requestFailed('the local database is closed');
    return this.transactions.begin().id;
  }

  commitTransaction(txId: unknown): void {
    const tx: Transaction = this.transactions.get(txId);
    try {
      this.transactions.commit(tx, this.store, this.catalog);
    } finally {
      this.transactions.finish(tx.id);
    }
  }

  abortTransaction(txId: unknown): void {
    if (this.transactions.wasFinished(txId)) return;
    this.transactions.finish(this.transactions.get(txId).id);
  }

  createCollection(name: unknown): void {
    if (!this.store.isOpen) throw requestFailed('the local database is closed');
    if (typeof name !== 'string') throw requestFailed('collectionName is required');
    this.catalog.create(name);
  }

  // ---- helpers ----------------------------------------------------------------------

  /** The updated document, validated, or undefined when the update changes nothing. */
  private updated(info: CollectionInfo, before: Doc, update: Doc, condition: Doc): Doc | undefined {
    const { doc, changed } = applyUpdate(before, update, condition);
    if (!changed) return undefined;
    validateDocument(doc);
    this.catalog.checkDocument(info, doc);
    return doc;
  }

  /**
   * Before a non-transactional write of these documents (storage keys): documents locked by a
   * transaction make the write wait (LockedByTransactions; the requester retries once they are
   * released); every active transaction keeps their pre-images (its snapshot).
   */
  private touch(info: CollectionInfo, keys: readonly string[]): void {
    if (!this.transactions.hasActive) return;
    const holders = this.transactions.holders(info.name, keys);
    if (holders.length > 0) throw new LockedByTransactions(holders);
    this.transactions.preserve(this.store, info.name, keys);
  }

  /** Resolves when these transactions have ended (a blocked write then runs again). */
  released(transactionIds: readonly string[]): Promise<void> {
    return this.transactions.released(transactionIds);
  }

  /** Runs a storage write, mapping unique-index violations to the cloud's duplicate-key error. */
  private guard(info: CollectionInfo, doc: Doc, write: () => void): void {
    try {
      write();
    } catch (error) {
      throw this.catalog.translateWriteError(info, error, doc) ?? error;
    }
  }
}
