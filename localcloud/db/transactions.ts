/**
 * Transactions (db.runTransaction / db.startTransaction) with WeChat's documented semantics
 * (云开发数据库事务, 快照隔离):
 *
 * - Snapshot reads: a transaction reads every document as it was when the transaction started
 *   (plus its own writes). Writes by others after the start are invisible to it: before any write,
 *   the engine hands the pre-image of the document to every active transaction (copy on write).
 * - Write locks: a transaction's write (doc().set/update/remove, add) locks the document. Another
 *   transaction writing a locked document fails at once with DATABASE_TRANSACTION_CONFLICT (the code
 *   runTransaction retries on), and so does a transaction writing a document that changed after it
 *   started; the conflicting transaction is aborted (its locks released), as the server aborts it.
 *   A non-transactional write of a locked document waits until the lock is released.
 * - Commit writes the buffered documents atomically; abort discards them. Either releases the locks.
 */
import type { Catalog } from './catalog';
import { decodeDoc, encodeDoc } from './codec';
import { transactionConflict, transactionNotFound } from './errors';
import { newTransactionId } from './ids';
import type { Store } from './store';
import { cloneValue, type Doc } from './types';

interface BufferedWrite {
  readonly collection: string;
  readonly id: string;
  /** The document after the transaction, or null when it deletes it. */
  readonly doc: Doc | null;
}

export class Transaction {
  /** Pre-images of documents others wrote after this transaction started (null: it did not exist). */
  readonly snapshot = new Map<string, Doc | null>();
  readonly writes = new Map<string, BufferedWrite>();

  constructor(readonly id: string) {}

  /** The document as this transaction sees it: its own write, else the snapshot, else storage. */
  read(store: Store, collection: string, id: string): Doc | null {
    const key = keyOf(collection, id);
    const buffered = this.writes.get(key);
    if (buffered) return buffered.doc === null ? null : cloneValue(buffered.doc);
    if (this.snapshot.has(key)) {
      const before = this.snapshot.get(key);
      return before ? cloneValue(before) : null;
    }
    const row = store.getRow(collection, id);
    return row ? decodeDoc(row.data) : null;
  }
}

export function keyOf(collection: string, id: string): string {
  return `${collection}\u0000${id}`;
}

const MAX_FINISHED = 10_000;

export class TransactionManager {
  private readonly active = new Map<string, Transaction>();
  /** Recently finished ids, so that a rollback after a failed commit is a no-op. */
  private readonly finished = new Set<string>();
  /** Document key → the transaction holding its write lock. */
  private readonly locks = new Map<string, string>();
  /** Transaction id → writers waiting for its locks to be released. */
  private readonly waiters = new Map<string, Array<() => void>>();

  begin(): Transaction {
    const tx = new Transaction(newTransactionId());
    this.active.set(tx.id, tx);
    return tx;
  }

  get(id: unknown): Transaction {
    const tx = typeof id === 'string' ? this.active.get(id) : undefined;
    if (!tx) throw transactionNotFound(String(id));
    return tx;
  }

  get hasActive(): boolean {
    return this.active.size > 0;
  }

  /**
   * A transaction writes a document: it must not be locked by another transaction nor changed since
   * this one started (else the transaction is aborted and the conflict thrown); then it is locked.
   */
  write(tx: Transaction, collection: string, id: string, doc: Doc | null): void {
    const key = keyOf(collection, id);
    const holder = this.locks.get(key);
    if ((holder !== undefined && holder !== tx.id) || (tx.snapshot.has(key) && !tx.writes.has(key))) {
      this.finish(tx.id);
      throw transactionConflict();
    }
    this.locks.set(key, tx.id);
    tx.writes.set(key, { collection, id, doc });
  }

  /** Transactions (other than `except`) holding a lock on any of these documents. */
  holders(collection: string, ids: readonly string[], except?: string): string[] {
    const found = new Set<string>();
    for (const id of ids) {
      const holder = this.locks.get(keyOf(collection, id));
      if (holder !== undefined && holder !== except) found.add(holder);
    }
    return [...found];
  }

  /** Resolves when every one of these transactions has ended (committed, failed or aborted). */
  released(ids: readonly string[]): Promise<void> {
    return Promise.all(
      ids.map(
        (id) =>
          new Promise<void>((resolve) => {
            if (!this.active.has(id)) return resolve();
            const list = this.waiters.get(id) ?? [];
            list.push(resolve);
            this.waiters.set(id, list);
          }),
      ),
    ).then(() => undefined);
  }

  /** Before a write by anyone but `writer`: every other active transaction keeps the document's pre-image. */
  preserve(store: Store, collection: string, ids: readonly string[], writer?: string): void {
    if (this.active.size === 0) return;
    for (const id of ids) {
      const key = keyOf(collection, id);
      let before: Doc | null | undefined;
      for (const tx of this.active.values()) {
        if (tx.id === writer || tx.snapshot.has(key) || tx.writes.has(key)) continue;
        if (before === undefined) {
          const row = store.getRow(collection, id);
          before = row ? decodeDoc(row.data) : null;
        }
        tx.snapshot.set(key, before);
      }
    }
  }

  /** Applies a transaction's buffered writes atomically. */
  commit(tx: Transaction, store: Store, catalog: Catalog): void {
    store.write(() => {
      if (tx.writes.size === 0) return;
      const seq = store.nextSeq();
      for (const write of tx.writes.values()) {
        this.preserve(store, write.collection, [write.id], tx.id);
        const exists = store.getRow(write.collection, write.id) !== undefined;
        try {
          if (write.doc === null) {
            if (exists) store.delete(write.collection, write.id);
          } else if (exists) {
            store.update(write.collection, write.id, encodeDoc(write.doc), seq);
          } else {
            store.insert(write.collection, write.id, encodeDoc(write.doc), seq);
          }
        } catch (error) {
          throw catalog.translateWriteError(write.collection, error, write.doc ?? undefined) ?? error;
        }
      }
    });
  }

  /** Ends a transaction (committed, failed or aborted): its locks are released and waiting writers go on. */
  finish(id: string): void {
    const tx = this.active.get(id);
    if (!tx) return;
    this.active.delete(id);
    for (const key of tx.writes.keys()) if (this.locks.get(key) === id) this.locks.delete(key);
    for (const wake of this.waiters.get(id) ?? []) wake();
    this.waiters.delete(id);
    this.finished.add(id);
    if (this.finished.size > MAX_FINISHED) {
      const oldest = this.finished.values().next();
      if (!oldest.done) this.finished.delete(oldest.value);
    }
  }

  /** True when `id` was a transaction that already ended. */
  wasFinished(id: unknown): boolean {
    return typeof id === 'string' && this.finished.has(id);
  }

  clear(): void {
    for (const id of [...this.active.keys()]) this.finish(id);
    this.active.clear();
    this.finished.clear();
    this.locks.clear();
  }
}

/** A non-transactional write met documents locked by these transactions: it waits for them. */
export class LockedByTransactions extends Error {
  constructor(readonly transactionIds: readonly string[]) {
    super(`documents locked by transactions ${transactionIds.join(', ')}`);
  }
}
