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

/** What the local cloud may put on the `wx-server-sdk` module: the instant its world stands at. */
const LOCAL_CLOCK = 'localCloudNow';

/**
 * The instant a call runs at, from the platform. WeChat's cloud has only the system clock; the
 * local cloud (tests, the bench) may stand at another instant and says which on the SDK module
 * (`localCloudNow: () => Date`), so the functions, the database and the outbox see one day.
 */
export function platformNow(cloud: WxCloud): Date {
  const clock: unknown = Reflect.get(cloud, LOCAL_CLOCK);
  if (typeof clock !== 'function') return new Date();
  const instant: unknown = clock();
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) throw new Error(`${LOCAL_CLOCK} answered no valid Date`);
  return instant;
}
