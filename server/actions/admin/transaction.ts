import type { CloudDatabase } from '../../runtime/cloud';

/**
 * What a transaction may do, in WeChat as in the local cloud: `doc()` operations and `add`.
 * (No `where()` queries or multi-document updates inside a transaction.)
 */
export interface TxDocument {
  get(): Promise<{ data: unknown }>;
  set(options: { data: object }): Promise<unknown>;
  update(options: { data: object }): Promise<unknown>;
  remove(): Promise<unknown>;
}

export interface Tx {
  collection(name: string): { doc(id: string): TxDocument; add(options: { data: object }): Promise<{ _id: string }> };
  rollback(reason?: unknown): Promise<void>;
}

/** Runs `work` in one transaction (retried by the SDK on conflicts); all its writes or none. */
export function inTransaction<T>(db: CloudDatabase, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.runTransaction(work) as Promise<T>;
}

/** A refusal decided inside a transaction: it rolls back and reaches the caller as this value. */
export class TxRefusal extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}
