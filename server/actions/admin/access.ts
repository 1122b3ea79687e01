import type { AdminScope } from '../../../src/domain/admin/adminScope';
import { adminScopeOf, isOffice } from '../../../src/domain/admin/adminScope';
import type { Caller } from '../../runtime/context';
import { fail } from '../../runtime/failure';

/** The caller's administration scope (district, streets, units, orgs) from their grants. */
export function scopeOf(caller: Caller): AdminScope {
  return adminScopeOf(caller.grants);
}

export function requireOffice(caller: Caller, what: string): AdminScope {
  const scope = scopeOf(caller);
  if (!isOffice(scope)) fail('FORBIDDEN', `person ${caller.personId} is no office (${what})`, { userMessage: '只有党群共建办可以进行此操作' });
  return scope;
}

export function refuse(caller: Caller, what: string, userMessage = '超出您的管理范围'): never {
  fail('FORBIDDEN', `person ${caller.personId} may not ${what}`, { userMessage });
}

/** Offices in the functions' access lists. */
export const officeRoles = ['streetOffice', 'districtOffice'] as const;
