import type { CloudDatabase } from './cloud';
import type { Caller, Grant } from './context';

interface PersonDocument {
  readonly _id: string;
  readonly openid: string;
  readonly name: string;
  readonly grants?: readonly Grant[];
  readonly removed?: boolean;
}

/** One database request: the person holding this WeChat identity, or null if they have not joined. */
export async function identify(db: CloudDatabase, openid: string): Promise<Caller | null> {
  const { data } = await db.collection('people').where({ openid }).limit(1).get();
  const person = data[0] as PersonDocument | undefined;
  if (!person || person.removed) return null;
  return { personId: person._id, openid: person.openid, name: person.name, grants: person.grants ?? [] };
}
