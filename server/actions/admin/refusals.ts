import { isOffice } from '../../../src/domain/access/policy';
import { refuseIfAwaitingApproval, subjectOfCaller } from '../../runtime/access';
import type { Caller } from '../../runtime/context';
import { fail } from '../../runtime/failure';

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

/** Refuses acting on this org: PENDING_APPROVAL when the caller's leadership of it awaits approval (by the policy), otherwise out of scope. */
export function refuseOnOrg(caller: Caller, orgId: string, what: string, userMessage = OUT_OF_SCOPE): never {
  refuseIfAwaitingApproval(caller, orgId, what);
  return refuse(caller, what, userMessage);
}
