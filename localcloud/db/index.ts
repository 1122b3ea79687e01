/**
 * Local cloud database: the real wx-server-sdk answered by an embedded,
 * strict SQLite + mingo implementation of the WeChat cloud database.
 *
 *   const db = new LocalDatabase({ file: 'data/local.sqlite' });
 *   db.ensureCollection(spec);
 *   const uninstall = installLocalDatabase(db);
 *   cloud.init({ env: 'local' });
 *   await cloud.database().collection(spec.name).add({ data: {...} });
 */
export { LocalDatabase, type LocalDatabaseOptions, type LocalDatabaseStats } from './database';
export { installLocalDatabase } from './install';
export { DEFAULT_GET_LIMIT, MAX_GET_LIMIT } from './requester';
export { DEFAULT_AGGREGATE_LIMIT, MAX_AGGREGATE_RESULTS } from './aggregate';
export type { CollectionSpec, IndexSpec, IndexField, IndexedFieldKind } from './indexSpec';
