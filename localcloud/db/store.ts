/**
 * SQLite storage (better-sqlite3): one table per collection
 * (`_id TEXT PRIMARY KEY, data TEXT, seq INTEGER`), a registry of collections
 * and a global write sequence used for optimistic transactions.
 *
 * Durability: WAL with synchronous=NORMAL. Every acknowledged write is a
 * committed SQLite transaction whose WAL frames were written to the OS before
 * the call returned, so it survives the process being killed (kill -9); only
 * an OS crash or power loss can drop the last commits (FULL would fsync each).
 */
import Database from 'better-sqlite3';
import { quoteIdent } from './indexes';

export interface StoredRow {
  readonly id: string;
  readonly data: string;
  readonly seq: number;
}

export interface SqlCondition {
  readonly sql: string;
  readonly params: readonly unknown[];
}

export interface RegisteredCollection {
  readonly name: string;
  /** JSON of the CollectionSpec, or null when created through createCollection(). */
  readonly spec: string | null;
}

const COLLECTION_NAME = /^[A-Za-z0-9_-]{1,100}$/;

export function assertValidCollectionName(name: string): void {
  if (!COLLECTION_NAME.test(name)) throw new Error(`invalid collection name '${name}'`);
}

export function tableName(collection: string): string {
  return `c_${collection}`;
}

export class Store {
  private readonly sqlite: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();

  constructor(file: string) {
    this.sqlite = new Database(file);
    if (file !== ':memory:' && file !== '') this.sqlite.pragma('journal_mode = WAL');
    this.sqlite.pragma('synchronous = NORMAL');
    this.sqlite.pragma('busy_timeout = 5000');
    this.sqlite.exec(`
      CREATE TABLE IF NOT EXISTS _meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
      INSERT OR IGNORE INTO _meta (key, value) VALUES ('seq', 0);
      CREATE TABLE IF NOT EXISTS _collections (name TEXT PRIMARY KEY, spec TEXT);
    `);
  }

  get raw(): Database.Database {
    return this.sqlite;
  }

  close(): void {
    this.statements.clear();
    if (this.sqlite.open) this.sqlite.close();
  }

  get isOpen(): boolean {
    return this.sqlite.open;
  }

  private stmt(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.sqlite.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  /** Runs `fn` in one SQLite write transaction (BEGIN IMMEDIATE); nested calls become savepoints. */
  write<T>(fn: () => T): T {
    return this.sqlite.transaction(fn).immediate();
  }

  // ---- registry -------------------------------------------------------------

  listCollections(): RegisteredCollection[] {
    return this.stmt('SELECT name, spec FROM _collections ORDER BY name').all() as RegisteredCollection[];
  }

  registerCollection(name: string, spec: string | null): void {
    assertValidCollectionName(name);
    const table = quoteIdent(tableName(name));
    this.write(() => {
      this.sqlite.exec(
        `CREATE TABLE IF NOT EXISTS ${table} (_id TEXT PRIMARY KEY NOT NULL, data TEXT NOT NULL, seq INTEGER NOT NULL)`,
      );
      this.stmt(
        'INSERT INTO _collections (name, spec) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET spec = excluded.spec',
      ).run(name, spec);
    });
  }

  /** Index names (and their SQL) currently present on a collection's table. */
  existingIndexes(collection: string): Map<string, string> {
    const rows = this.stmt(
      "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL",
    ).all(tableName(collection)) as { name: string; sql: string }[];
    return new Map(rows.map((row) => [row.name, row.sql]));
  }

  exec(sql: string): void {
    this.sqlite.exec(sql);
  }

  // ---- sequence ---------------------------------------------------------------

  currentSeq(): number {
    const row = this.stmt("SELECT value FROM _meta WHERE key = 'seq'").get() as { value: number };
    return row.value;
  }

  /** Allocates the sequence number of one write operation; call inside write(). */
  nextSeq(): number {
    const row = this.stmt("UPDATE _meta SET value = value + 1 WHERE key = 'seq' RETURNING value").get() as {
      value: number;
    };
    return row.value;
  }

  // ---- rows -------------------------------------------------------------------

  getRow(collection: string, id: string): StoredRow | undefined {
    const table = quoteIdent(tableName(collection));
    return this.stmt(`SELECT _id AS id, data, seq FROM ${table} WHERE _id = ?`).get(id) as StoredRow | undefined;
  }

  /** Rows in natural (insertion) order, optionally narrowed by an SQL condition. */
  scan(collection: string, condition?: SqlCondition): StoredRow[] {
    const table = quoteIdent(tableName(collection));
    if (!condition) {
      return this.stmt(`SELECT _id AS id, data, seq FROM ${table} ORDER BY rowid`).all() as StoredRow[];
    }
    // No ORDER BY here: it could tempt the planner into a rowid-order table
    // scan instead of the index; the few candidates are ordered below.
    const rows = this.stmt(`SELECT rowid AS rid, _id AS id, data, seq FROM ${table} WHERE ${condition.sql}`).all(
      ...condition.params,
    ) as (StoredRow & { rid: number })[];
    rows.sort((a, b) => a.rid - b.rid);
    return rows.map(({ id, data, seq }) => ({ id, data, seq }));
  }

  insert(collection: string, id: string, data: string, seq: number): void {
    const table = quoteIdent(tableName(collection));
    this.stmt(`INSERT INTO ${table} (_id, data, seq) VALUES (?, ?, ?)`).run(id, data, seq);
  }

  update(collection: string, id: string, data: string, seq: number): void {
    const table = quoteIdent(tableName(collection));
    this.stmt(`UPDATE ${table} SET data = ?, seq = ? WHERE _id = ?`).run(data, seq, id);
  }

  delete(collection: string, id: string): void {
    const table = quoteIdent(tableName(collection));
    this.stmt(`DELETE FROM ${table} WHERE _id = ?`).run(id);
  }
}
