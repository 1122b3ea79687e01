import Database from 'better-sqlite3';

/**
 * Local-only state that has no counterpart in the WeChat cloud database: the outbox of
 * subscription messages, the subscription allowances people gave by tapping, and the local
 * sign-in sessions. Kept in its own SQLite file.
 */
export class LocalStore {
  readonly sqlite: Database.Database;

  constructor(file: string) {
    this.sqlite = new Database(file);
    this.sqlite.pragma('journal_mode = WAL');
    this.sqlite.pragma('synchronous = FULL');
    this.sqlite.exec(`
      CREATE TABLE IF NOT EXISTS outbox (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        sent_at INTEGER NOT NULL,
        touser TEXT NOT NULL,
        template_id TEXT NOT NULL,
        page TEXT,
        data TEXT NOT NULL
      );
      CREATE TABLE IF NOT EXISTS allowances (
        openid TEXT NOT NULL,
        template_id TEXT NOT NULL,
        remaining INTEGER NOT NULL,
        long_term INTEGER NOT NULL,
        PRIMARY KEY (openid, template_id)
      );
      CREATE TABLE IF NOT EXISTS sessions (
        token TEXT PRIMARY KEY,
        openid TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
    `);
    // Outboxes written before refused sends were kept have no status column.
    const columns = this.sqlite.prepare('PRAGMA table_info(outbox)').all() as Array<{ name: string }>;
    if (!columns.some((column) => column.name === 'status')) {
      this.sqlite.exec("ALTER TABLE outbox ADD COLUMN status TEXT NOT NULL DEFAULT 'sent'; ALTER TABLE outbox ADD COLUMN err_code INTEGER NOT NULL DEFAULT 0;");
    }
  }

  close(): void {
    this.sqlite.close();
  }
}
