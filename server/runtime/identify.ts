import { peopleRepository } from '../repositories/people';
import type { CloudDatabase } from './cloud';
import type { Role } from '../../src/contract/people';
import type { Caller } from './context';
import { hasRole } from './context';
import { fail } from './failure';

/** One database request: the person holding this WeChat identity, or null if they have not joined. */
export async function identify(db: CloudDatabase, openid: string): Promise<Caller | null> {
  const person = await peopleRepository(db).byOpenid(openid);
  if (!person || person.removed) return null;
  return { personId: person._id, openid: person.openid, name: person.name, grants: person.grants ?? [] };
}

/**
 * What a party leader whose approval is pending is told when they try what approval will allow:
 * not "no permission", but that approval is pending and who gives it.
 */
export const AWAITING_APPROVAL_MESSAGE = '您的党组织负责人身份正在审核中，待结对单位或党群共建办审核通过后才能进行此操作';

/** Does the caller hold a party-leader grant still waiting for approval (of this org, when given)? */
export function awaitsApproval(caller: Pick<Caller, 'grants'>, orgId?: string): boolean {
  return caller.grants.some((grant) => grant.role === 'orgLeader' && !grant.approved && (orgId === undefined || grant.scopeId === orgId));
}

export function refuseAwaitingApproval(caller: Pick<Caller, 'personId'>, detail: string): never {
  return fail('FORBIDDEN', `person ${caller.personId} awaits approval as party leader: ${detail}`, { userMessage: AWAITING_APPROVAL_MESSAGE });
}

/**
 * The role check of an action's access list: a person without any of these roles is refused, and a
 * party leader still waiting for approval is told so when the action is one a leader may do.
 */
export function requireRoles(caller: Caller, roles: readonly Role[], actionName: string): void {
  if (hasRole(caller, roles)) return;
  if (roles.includes('orgLeader') && awaitsApproval(caller)) refuseAwaitingApproval(caller, actionName);
  fail('FORBIDDEN', `person ${caller.personId} lacks roles ${roles.join(',')} for ${actionName}`);
}
