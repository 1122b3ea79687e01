import { isOffice } from '../../../src/domain/access/policy';
import { subjectOfCaller } from '../../runtime/access';
import type { Caller } from '../../runtime/context';
import { fail } from '../../runtime/failure';
import { AWAITING_APPROVAL_MESSAGE, awaitsApproval } from '../../runtime/identify';

/** Offices in the actions' access lists (the policy then decides where each may act). */
export const officeRoles = ['streetOffice', 'districtOffice'] as const;

export const OUT_OF_SCOPE = '超出您的管理范围';

/** Fails unless the caller is an office (street or district), by the access policy. */
export function requireOffice(caller: Caller, what: string): void {
  if (!isOffice(subjectOfCaller(caller))) fail('FORBIDDEN', `person ${caller.personId} is no office (${what})`, { userMessage: '只有党群共建办可以进行此操作' });
}

/** Refuses what the access policy did not allow (FORBIDDEN: the caller may know the thing exists). */
export function refuse(caller: Caller, what: string, userMessage = OUT_OF_SCOPE): never {
  fail('FORBIDDEN', `person ${caller.personId} may not ${what}`, { userMessage });
}

/** Why the caller may not act on this org: out of scope, or (their party-leader grant for it) approval pending. */
export function refusalFor(caller: Pick<Caller, 'grants'>, orgId: string | undefined): string {
  return orgId !== undefined && awaitsApproval(caller, orgId) ? AWAITING_APPROVAL_MESSAGE : OUT_OF_SCOPE;
}
