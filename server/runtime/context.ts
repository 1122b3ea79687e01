import type { Grant, Role } from '../../src/contract/people';
import type { CloudDatabase, WxCloud } from './cloud';

// The grant is defined once, in src/contract/people.ts; re-exported for the code that names it from here.
export type { Grant } from '../../src/contract/people';

/** The signed-in person behind a call, resolved from the WeChat identity (OPENID). */
export interface Caller {
  readonly personId: string;
  readonly openid: string;
  readonly name: string;
  readonly grants: readonly Grant[];
}

export interface ActionContext {
  /** The WeChat identity of the caller, absent for server-side calls without a user (timers). */
  readonly openid: string | undefined;
  /** The instant of this call; actions never read the system clock themselves. */
  readonly now: Date;
  readonly db: CloudDatabase;
  readonly cloud: WxCloud;
}

export function hasRole(caller: Caller, roles: readonly Role[]): boolean {
  return caller.grants.some((grant) => roles.includes(grant.role) && (grant.role !== 'orgLeader' || grant.approved));
}
