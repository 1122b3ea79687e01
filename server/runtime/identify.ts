import { peopleRepository } from '../repositories/people';
import type { CloudDatabase } from './cloud';
import type { Role } from '../../src/contract/people';
import type { PersonDocument } from '../db/documents';
import type { Caller } from './context';
import { hasRole } from './context';
import { refuseIfAwaitingApproval } from './access';
import { fail } from './failure';

/** One database request: the person holding this WeChat identity, or null if they have not joined. */
export async function identify(db: CloudDatabase, openid: string): Promise<Caller | null> {
  return callerOf(await peopleRepository(db).byOpenid(openid));
}

/** The caller a stored person is (null for none, or one removed): for an action that read the person itself, with what it needs beside. */
export function callerOf(person: PersonDocument | undefined): Caller | null {
  if (!person || person.removed) return null;
  return { personId: person._id, openid: person.openid, name: person.name, grants: person.grants ?? [] };
}

/** A caller who has joined, or the refusal every action for joined people gives. */
export function requireJoined(caller: Caller | null, openid: string): Caller {
  if (!caller) fail('UNAUTHENTICATED', `openid has not joined: ${openid}`, { userMessage: '您还没有加入，请通过邀请码或二维码加入' });
  return caller;
}

/**
 * The role check of an action's access list: a person without any of these roles is refused, and a
 * party leader still waiting for approval is told so (PENDING_APPROVAL, by the policy) when the
 * action is one a leader may do.
 */
export function requireRoles(caller: Caller, roles: readonly Role[], actionName: string): void {
  if (hasRole(caller, roles)) return;
  if (roles.includes('orgLeader')) refuseIfAwaitingApproval(caller, undefined, actionName);
  fail('FORBIDDEN', `person ${caller.personId} lacks roles ${roles.join(',')} for ${actionName}`);
}
