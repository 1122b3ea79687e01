/**
 * SQLite storage (better-sqlite3): one table per collection
 * (`_id TEXT PRIMARY KEY, data TEXT, seq INTEGER`), a registry of collections
 * and a write sequence used for optimistic transactions.
 *
 * What the data folder keeps (README 评议 → 匿名设计): no write order. The write
 * sequence and each row's version live in memory only (transactions never
 * outlive the process); the `seq` column is always 0. Deleted content is
 * zeroed (secure_delete). Rows of collections whose spec says `unlinkable` get
 * random rowids, and every write that touched one ends with the WAL folded
 * into the database and truncated, so no earlier version of them stays behind.
 *
 * Durability: WAL with synchronous=NORMAL. Every acknowledged write is a
 * committed SQLite transaction whose WAL frames were written to the OS before
 * the call returned, so it survives the process being killed (kill -9); only
 * an OS crash or power loss can drop the last commits (FULL would fsync each).
 */
import { randomInt } from 'node:crypto';
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

/**
 * The planner's statistics (ANALYZE) are refreshed when a collection has grown by at least this many
 * rows and at least doubled since they were last gathered. Without them SQLite guesses that any
 * equality on an index is selective, and may read a year's 40,000 records through `year = ?`
 * instead of the few waiting ones through `state IN (…)`. Statistics change plans, never answers
 * (the prefilter is a superset and mingo decides). Unlinkable collections get none: STAT4 would copy
 * sampled index keys and rowids into sqlite_stat4.
 */
const ANALYZE_AFTER_ROWS = 1000;

/** Versions remembered before the oldest are forgotten (a forgotten row reads as version `floor`). */
const MAX_VERSIONS = 200_000;
/** Random rowids of unlinkable rows: positive, below 2^48 (exact in a JS number). */
const ROWID_LIMIT = 2 ** 48;

export class Store {
  private readonly sqlite: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();
  private readonly wal: boolean;
  /** Collections registered with a spec that says `unlinkable` (indexSpec.ts). */
  private readonly unlinkableNames = new Set<string>();
  /** The write sequence and the version (last write's sequence) of recently written rows: memory only. */
  private seq = 0;
  private floor = 0;
  private readonly versions = new Map<string, number>();
  private depth = 0;
  private touchedUnlinkable = false;
  /** Rows inserted into each collection since its statistics were gathered (this process). */
  private readonly grown = new Map<string, number>();
  /** Rows each collection had when its statistics were gathered (read from sqlite_stat1 once). */
  private readonly analysedRows = new Map<string, number>();

  constructor(file: string) {
    this.sqlite = new Database(file);
    this.wal = file !== ':memory:' && file !== '';
    if (this.wal) this.sqlite.pragma('journal_mode = WAL');
    this.sqlite.pragma('synchronous = NORMAL');
    this.sqlite.pragma('busy_timeout = 5000');
    this.sqlite.pragma('secure_delete = ON');
    this.sqlite.exec(`
      CREATE TABLE IF NOT EXISTS _collections (name TEXT PRIMARY KEY, spec TEXT);
      DROP TABLE IF EXISTS _meta;
    `);
    for (const row of this.listCollections()) this.noteSpec(row.name, row.spec);
    // A process killed after a commit and before its checkpoint left frames behind.
    this.checkpoint();
  }

  private unlinkable(collection: string): boolean {
    return this.unlinkableNames.has(collection);
  }

  private noteSpec(name: string, spec: string | null): void {
    const declared = spec !== null && (JSON.parse(spec) as { unlinkable?: unknown }).unlinkable === true;
    if (declared) this.unlinkableNames.add(name);
    else this.unlinkableNames.delete(name);
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
    this.depth += 1;
    try {
      return this.sqlite.transaction(fn).immediate();
    } finally {
      this.depth -= 1;
      if (this.depth === 0) this.afterWrite();
    }
  }

  /** After the outermost write: the planner's statistics follow growth; no version of an unlinkable row stays in the WAL. */
  private afterWrite(): void {
    if (this.grown.size > 0) this.refreshStatistics();
    if (!this.touchedUnlinkable) return;
    this.touchedUnlinkable = false;
    this.checkpoint();
  }

  private refreshStatistics(): void {
    for (const [collection, inserted] of this.grown) {
      if (inserted < ANALYZE_AFTER_ROWS) continue;
      const before = this.analysedRows.get(collection) ?? this.statisticsRows(collection);
      if (inserted < before) continue;
      this.grown.delete(collection);
      if (!this.sqlite.open) return;
      this.sqlite.exec(`ANALYZE ${quoteIdent(tableName(collection))}`);
      this.analysedRows.set(collection, this.statisticsRows(collection));
    }
  }

  /** The row count sqlite_stat1 holds for a collection (0 when never analysed). */
  private statisticsRows(collection: string): number {
    const hasStat = this.stmt("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_stat1'").get() !== undefined;
    if (!hasStat) return 0;
    const row = this.sqlite.prepare('SELECT stat FROM sqlite_stat1 WHERE tbl = ? LIMIT 1').get(tableName(collection)) as { stat: string } | undefined;
    return row ? Number.parseInt(row.stat, 10) || 0 : 0;
  }

  /** Folds the WAL into the database file and truncates it to zero bytes. */
  private checkpoint(): void {
    if (this.wal && this.sqlite.open) this.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  }

  private touched(collection: string): void {
    if (!this.unlinkable(collection)) return;
    this.touchedUnlinkable = true;
    if (this.depth === 0) this.afterWrite();
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
      // Data folders written before versions moved to memory kept a global write counter per row.
      this.sqlite.exec(`UPDATE ${table} SET seq = 0 WHERE seq <> 0`);
      this.stmt(
        'INSERT INTO _collections (name, spec) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET spec = excluded.spec',
      ).run(name, spec);
    });
    this.noteSpec(name, spec);
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

  /** The sequence number of the last write of this process (never stored). */
  currentSeq(): number {
    return this.seq;
  }

  /** Allocates the sequence number of one write operation; call inside write(). */
  nextSeq(): number {
    this.seq += 1;
    return this.seq;
  }

  /** A row's version: the sequence of its last write in this process, or `floor` when older or forgotten. */
  private versionOf(collection: string, id: string): number {
    return this.versions.get(versionKey(collection, id)) ?? this.floor;
  }

  private setVersion(collection: string, id: string, seq: number): void {
    const key = versionKey(collection, id);
    this.versions.delete(key);
    this.versions.set(key, seq);
    while (this.versions.size > MAX_VERSIONS) {
      const oldest = this.versions.entries().next();
      if (oldest.done) break;
      this.versions.delete(oldest.value[0]);
      this.floor = Math.max(this.floor, oldest.value[1]);
    }
  }

  // ---- rows -------------------------------------------------------------------

  getRow(collection: string, id: string): StoredRow | undefined {
    const table = quoteIdent(tableName(collection));
    const row = this.stmt(`SELECT _id AS id, data FROM ${table} WHERE _id = ?`).get(id) as Omit<StoredRow, 'seq'> | undefined;
    return row ? { ...row, seq: this.versionOf(collection, id) } : undefined;
  }

  /** Rows in natural order (insertion order; random for unlinkable collections), optionally narrowed by an SQL condition. */
  scan(collection: string, condition?: SqlCondition): StoredRow[] {
    const table = quoteIdent(tableName(collection));
    const withVersion = (row: { id: string; data: string }): StoredRow => ({ id: row.id, data: row.data, seq: this.versionOf(collection, row.id) });
    if (!condition) {
      return (this.stmt(`SELECT _id AS id, data FROM ${table} ORDER BY rowid`).all() as { id: string; data: string }[]).map(withVersion);
    }
    // No ORDER BY here: it could tempt the planner into a rowid-order table
    // scan instead of the index; the few candidates are ordered below.
    const rows = this.stmt(`SELECT rowid AS rid, _id AS id, data FROM ${table} WHERE ${condition.sql}`).all(
      ...condition.params,
    ) as { rid: number; id: string; data: string }[];
    rows.sort((a, b) => a.rid - b.rid);
    return rows.map(withVersion);
  }

  /**
   * The `data` texts `expression` makes of the rows (pushdown.ts: a few fields of each), in natural
   * order, optionally narrowed by an SQL condition; without versions (aggregations use none).
   */
  scanFields(collection: string, expression: string, condition?: SqlCondition): string[] {
    const table = quoteIdent(tableName(collection));
    if (!condition) return (this.stmt(`SELECT ${expression} AS data FROM ${table} ORDER BY rowid`).all() as { data: string }[]).map((row) => row.data);
    const rows = this.stmt(`SELECT rowid AS rid, ${expression} AS data FROM ${table} WHERE ${condition.sql}`).all(...condition.params) as { rid: number; data: string }[];
    rows.sort((a, b) => a.rid - b.rid);
    return rows.map((row) => row.data);
  }

  /**
   * The value of `expression` of the `offset`-th row (from 0) passing `condition` whose value is not
   * NULL, in descending or ascending SQL order; undefined when fewer rows have one.
   */
  nthValue(collection: string, condition: SqlCondition, expression: string, descending: boolean, offset: number): unknown {
    const table = quoteIdent(tableName(collection));
    const row = this.stmt(`SELECT ${expression} AS v FROM ${table} WHERE (${condition.sql}) AND ${expression} IS NOT NULL ORDER BY ${expression} ${descending ? 'DESC' : 'ASC'} LIMIT 1 OFFSET ?`).get(
      ...condition.params,
      offset,
    ) as { v: unknown } | undefined;
    return row?.v;
  }

  /** `seq` is the write's sequence number (nextSeq()); it becomes the row's version in memory, never on disk. */
  insert(collection: string, id: string, data: string, seq: number): void {
    const table = quoteIdent(tableName(collection));
    if (this.unlinkable(collection)) {
      this.stmt(`INSERT INTO ${table} (rowid, _id, data, seq) VALUES (?, ?, ?, 0)`).run(this.freeRandomRowid(table), id, data);
    } else {
      this.stmt(`INSERT INTO ${table} (_id, data, seq) VALUES (?, ?, 0)`).run(id, data);
    }
    this.setVersion(collection, id, seq);
    if (!this.unlinkable(collection)) this.grown.set(collection, (this.grown.get(collection) ?? 0) + 1);
    this.touched(collection);
  }

  update(collection: string, id: string, data: string, seq: number): void {
    const table = quoteIdent(tableName(collection));
    this.stmt(`UPDATE ${table} SET data = ? WHERE _id = ?`).run(data, id);
    this.setVersion(collection, id, seq);
    this.touched(collection);
  }

  delete(collection: string, id: string): void {
    const table = quoteIdent(tableName(collection));
    this.stmt(`DELETE FROM ${table} WHERE _id = ?`).run(id);
    // A later insert of the same id gets a new, higher version; absent rows read as version 0.
    this.versions.delete(versionKey(collection, id));
    this.touched(collection);
  }

  /** A random rowid not used in `table` (so the table's order says nothing about arrival). */
  private freeRandomRowid(table: string): number {
    for (;;) {
      const rowid = randomInt(1, ROWID_LIMIT);
      if (this.stmt(`SELECT 1 FROM ${table} WHERE rowid = ?`).get(rowid) === undefined) return rowid;
    }
  }
}

function versionKey(collection: string, id: string): string {
  return `${collection}\u0000${id}`;
}
