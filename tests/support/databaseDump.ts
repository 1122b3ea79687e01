import { wxServerSdk } from '../../localcloud/sdk';
import { collections } from '../../server/db/collections';

/**
 * Every document of every collection, as one string (collections and documents in `_id` order):
 * equal before and after a call means the call wrote nothing.
 */
export async function dumpDatabase(): Promise<string> {
  const db = wxServerSdk().database();
  const out: Record<string, unknown[]> = {};
  for (const { name } of collections) {
    const all: unknown[] = [];
    for (let offset = 0; ; offset += 1000) {
      const page = ((await db.collection(name).orderBy('_id', 'asc').skip(offset).limit(1000).get()) as { data: unknown[] }).data;
      all.push(...page);
      if (page.length < 1000) break;
    }
    out[name] = all;
  }
  return JSON.stringify(out);
}
