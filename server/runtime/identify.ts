import { findOne } from '../db/ops';
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
  const person = await findOne<PersonDocument>(db.collection('people').where({ openid }));
  if (!person || person.removed) return null;
  return { personId: person._id, openid: person.openid, name: person.name, grants: person.grants ?? [] };
}
