import { peopleRepository } from '../repositories/people';
import type { CloudDatabase } from './cloud';
import type { Caller } from './context';

/** One database request: the person holding this WeChat identity, or null if they have not joined. */
export async function identify(db: CloudDatabase, openid: string): Promise<Caller | null> {
  const person = await peopleRepository(db).byOpenid(openid);
  if (!person || person.removed) return null;
  return { personId: person._id, openid: person.openid, name: person.name, grants: person.grants ?? [] };
}
