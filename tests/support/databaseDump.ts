import type { LocalCloud } from '../../localcloud';

/**
 * Every document of every collection of the local database, read straight from it (collections by
 * name, documents by `_id`), as one string: equal before and after a call means the call wrote nothing.
 */
export function dumpDatabase(cloud: LocalCloud): string {
  const out: Record<string, unknown[]> = {};
  for (const name of [...cloud.db.listCollections()].sort()) {
    const documents = cloud.db.find(name, {}) as Array<{ _id: unknown }>;
    out[name] = [...documents].sort((a, b) => (String(a._id) < String(b._id) ? -1 : String(a._id) > String(b._id) ? 1 : 0));
  }
  return JSON.stringify(out);
}
