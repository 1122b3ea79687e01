/**
 * Optimistic transactions (db.runTransaction / db.startTransaction).
 *
 * A transaction remembers the global write sequence when it starts, the
 * version (row seq, 0 = absent) of every document it touches, and buffers its
 * writes (reads see the buffered writes). Commit runs in one SQLite write
 * transaction: if any touched document now has another version than the one
 * seen, or was written after the transaction started, nothing is written and
 * the commit answers DATABASE_TRANSACTION_CONFLICT, the code the SDK's
 * runTransaction retries on. Abort (rollback, or an error thrown in the
 * runTransaction callback) discards the buffer.
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
  private readonly versions = new Map<string, { collection: string; id: string; seq: number }>();
  private readonly writes = new Map<string, BufferedWrite>();

  constructor(
    readonly id: string,
    readonly startSeq: number,
  ) {}

  /** The document as this transaction sees it (buffered write, else storage). */
  read(store: Store, collection: string, id: string): Doc | null {
    const key = keyOf(collection, id);
    const buffered = this.writes.get(key);
    if (buffered) return buffered.doc === null ? null : cloneValue(buffered.doc);
    const row = store.getRow(collection, id);
    if (!this.versions.has(key)) this.versions.set(key, { collection, id, seq: row?.seq ?? 0 });
    return row ? decodeDoc(row.data) : null;
  }

  write(collection: string, id: string, doc: Doc | null): void {
    this.writes.set(keyOf(collection, id), { collection, id, doc });
  }

  /** Validates versions and applies the buffered writes atomically. */
  commit(store: Store, catalog: Catalog): void {
    store.write(() => {
      for (const seen of this.versions.values()) {
        const current = store.getRow(seen.collection, seen.id)?.seq ?? 0;
        if (current !== seen.seq || current > this.startSeq) throw transactionConflict();
      }
      if (this.writes.size === 0) return;
      const seq = store.nextSeq();
      for (const write of this.writes.values()) {
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
}

function keyOf(collection: string, id: string): string {
  return `${collection}\u0000${id}`;
}

const MAX_FINISHED = 10_000;

export class TransactionManager {
  private readonly active = new Map<string, Transaction>();
  /** Recently finished ids, so that a rollback after a failed commit is a no-op. */
  private readonly finished = new Set<string>();

  begin(startSeq: number): Transaction {
    const tx = new Transaction(newTransactionId(), startSeq);
    this.active.set(tx.id, tx);
    return tx;
  }

  get(id: unknown): Transaction {
    const tx = typeof id === 'string' ? this.active.get(id) : undefined;
    if (!tx) throw transactionNotFound(String(id));
    return tx;
  }

  /** Ends a transaction (committed, failed or aborted). */
  finish(id: string): void {
    if (!this.active.delete(id)) return;
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
    this.active.clear();
    this.finished.clear();
  }
}
