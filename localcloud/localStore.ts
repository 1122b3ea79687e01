import Database from 'better-sqlite3';

/**
 * Local-only state that has no counterpart in the WeChat cloud database: the outbox of
 * subscription messages and the local sign-in sessions. Kept in its own SQLite file.
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
      CREATE TABLE IF NOT EXISTS sessions (
        token TEXT PRIMARY KEY,
        openid TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
    `);
  }

  close(): void {
    this.sqlite.close();
  }
}
