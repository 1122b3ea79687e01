import type { CloudDatabase } from '../runtime/cloud';
import type { CollectionName } from './collections';

/**
 * What a transaction may do, in WeChat as in the local cloud: `doc()` operations and `add`
 * (no `where()` queries or multi-document updates inside a transaction).
 */
export interface TxDocument {
  get(): Promise<{ data: unknown }>;
  set(options: { data: object }): Promise<unknown>;
  update(options: { data: object }): Promise<unknown>;
  remove(): Promise<unknown>;
}

export interface TxCollection {
  doc(id: string): TxDocument;
  add(options: { data: object }): Promise<{ _id: string }>;
}

export interface Tx {
  collection(name: CollectionName): TxCollection;
  rollback(reason?: unknown): Promise<void>;
}

/** Runs `work` in one transaction (retried by the SDK on conflicts); all its writes or none. */
export function inTransaction<T>(db: CloudDatabase, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.runTransaction(work as unknown as Parameters<CloudDatabase['runTransaction']>[0]) as Promise<T>;
}

/** A refusal decided inside a transaction: it rolls back and reaches the caller as this value. */
export class TxRefusal extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

/** A document's fields without its `_id` (what `doc(id).set` and `add` take). */
export function withoutId<T extends { _id?: unknown }>(document: T): Omit<T, '_id'> {
  const { _id, ...rest } = document;
  void _id;
  return rest;
}
