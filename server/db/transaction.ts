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

export interface TransactionOptions {
  /** How many times to run `work` when it meets another transaction on a document (default 5). */
  readonly attempts?: number;
}

/**
 * Runs `work` in one transaction; all its writes or none. WeChat locks a document a transaction
 * writes, and a second transaction writing it fails at once with a conflict that wx-server-sdk does
 * not retry (its errCode -501001 is wrapped without a code). So a conflict is retried here, after a
 * short random pause that grows with each attempt; the last conflict reaches the caller.
 */
export async function inTransaction<T>(db: CloudDatabase, work: (tx: Tx) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
  const attempts = Math.max(1, options.attempts ?? 5);
  for (let attempt = 1; ; attempt += 1) {
    try {
      return (await db.runTransaction(work as unknown as Parameters<CloudDatabase['runTransaction']>[0])) as T;
    } catch (error) {
      if (attempt >= attempts || !isTransactionConflict(error)) throw error;
      await pause(1 + Math.floor(Math.random() * (5 + 10 * attempt)));
    }
  }
}

/**
 * A transaction started before its work is known, so that starting it (one request) shares a round
 * trip with the reads that decide what it will do: `begin` runs beside them, then `run` does the work
 * in it (and, on a conflict, in fresh transactions as `inTransaction` does) or `abandon` rolls it back
 * when the reads refuse. The work and the semantics are those of `inTransaction`: all its writes or none.
 */
export interface EarlyTransaction {
  run<T>(work: (tx: Tx) => Promise<T>, options?: TransactionOptions): Promise<T>;
  abandon(): Promise<void>;
}

interface StartedTx extends Tx {
  commit(): Promise<unknown>;
}

export async function beginTransaction(db: CloudDatabase): Promise<EarlyTransaction> {
  const started = (await (db as unknown as { startTransaction(): Promise<StartedTx> }).startTransaction()) as StartedTx;
  let used = false;
  return {
    async run(work, options = {}) {
      if (used) throw new Error('an early transaction runs once');
      used = true;
      try {
        const result = await work(started);
        await started.commit();
        return result;
      } catch (error) {
        await started.rollback().catch(() => undefined);
        const attempts = Math.max(1, options.attempts ?? 5);
        if (attempts <= 1 || !isTransactionConflict(error)) throw error;
        await pause(1 + Math.floor(Math.random() * 15));
        return inTransaction(db, work, { attempts: attempts - 1 });
      }
    },
    async abandon() {
      if (used) return;
      used = true;
      await started.rollback().catch(() => undefined);
    },
  };
}

/** The database's answer to a transaction that met another one on a document. */
export function isTransactionConflict(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'DATABASE_TRANSACTION_CONFLICT' || /transaction conflict/i.test(messageOf(error));
}

/** The database's answer to inserting a document whose `_id` exists (also inside a transaction, which it aborts). */
export function isDuplicateKey(error: unknown): boolean {
  return /E11000|duplicate key/i.test(messageOf(error));
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  const record = error as { errMsg?: unknown; message?: unknown } | null;
  return String(record?.errMsg ?? record?.message ?? error);
}

function pause(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
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
