/**
 * LocalDatabase: an embedded, strict WeChat cloud database stored in SQLite.
 * Install it into wx-server-sdk with installLocalDatabase() (install.ts).
 */
import { Engine } from './engine';
import type { CollectionSpec } from './indexSpec';
import type { FindOptions } from './query';
import { Store } from './store';
import type { Doc } from './types';

export interface LocalDatabaseOptions {
  /** SQLite file path, or ':memory:'. */
  readonly file: string;
  /**
   * Called before each wire request the SDK sends (the local cloud charges it to the running function's
   * latency model and timeout). Throwing refuses the request; a promise delays it.
   */
  readonly beforeRequest?: (action: string) => void | Promise<void>;
  /**
   * Called as each wire request is sent, after `beforeRequest`: answers the request's landing, awaited
   * once the database has answered and before the SDK sees the answer (the local cloud places the
   * request in its function's sequence of round trips and counts its connection). Throwing a
   * CloudDbError refuses the request with that error.
   */
  readonly whenSent?: (action: string) => (() => Promise<void>) | undefined;
}

export interface LocalDatabaseStats {
  /** Wire requests answered (one get, one update, one startTransaction...). */
  readonly requests: number;
  /** Queries whose candidates came through an index (or _id). */
  readonly indexScans: number;
  /** Queries that had to read every document of the collection. */
  readonly fullScans: number;
  /** Documents read from storage and decoded, by queries, pipelines and their lookups. */
  readonly documentsRead: number;
}

const engines = new WeakMap<LocalDatabase, Engine>();

export class LocalDatabase {
  private readonly engine: Engine;
  readonly beforeRequest: (action: string) => void | Promise<void>;
  readonly whenSent: (action: string) => (() => Promise<void>) | undefined;

  constructor(options: LocalDatabaseOptions) {
    this.engine = new Engine(new Store(options.file));
    this.beforeRequest = options.beforeRequest ?? (() => undefined);
    this.whenSent = options.whenSent ?? (() => undefined);
    engines.set(this, this.engine);
  }

  /** Creates the collection's table and indexes idempotently (new indexes are added on restart). */
  ensureCollection(spec: CollectionSpec): void {
    this.engine.catalog.ensure(spec);
  }

  hasCollection(name: string): boolean {
    return this.engine.catalog.has(name);
  }

  listCollections(): string[] {
    return this.engine.catalog.names();
  }

  /**
   * Reads documents straight from the database, with the cloud's query semantics but without the
   * SDK: for the local cloud's own tools (the demo sign-in list), never for function code.
   * `order` is `{ field: 1 | -1 }`. Not a wire request, so not counted in `stats.requests`.
   */
  find(collection: string, query: Doc, options: FindOptions = {}): Doc[] {
    return this.engine.find(collection, query, options);
  }

  get stats(): LocalDatabaseStats {
    return { ...this.engine.stats };
  }

  resetStats(): void {
    this.engine.stats.requests = 0;
    this.engine.stats.indexScans = 0;
    this.engine.stats.fullScans = 0;
    this.engine.stats.documentsRead = 0;
  }

  close(): void {
    this.engine.close();
  }
}

/** The engine behind a LocalDatabase (for the SDK requester). */
export function engineOf(db: LocalDatabase): Engine {
  const engine = engines.get(db);
  if (!engine) throw new Error('not a LocalDatabase');
  return engine;
}
