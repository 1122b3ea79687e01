import type { PersonAdminView } from '../../../src/contract/admin';
import { roleScope } from '../../../src/contract/people';
import type { ScopeType } from '../../../src/contract/people';
import { adminPeopleRepository } from '../../repositories/adminPeople';
import type { CloudDatabase } from '../../runtime/cloud';
import type { Grant } from '../../runtime/context';
import { toPersonAdminView } from './toPersonAdminView';

/**
 * The people holding a grant in one unit, org, street office or the district office (`scopeId`
 * `district`), each with only the grants of that scope: one request. The caller's right to see them
 * is checked by the action asking.
 */
export async function peopleOfScope(db: CloudDatabase, scopeType: ScopeType, scopeId: string): Promise<PersonAdminView[]> {
  const inScope = (grant: Grant) => grant.scopeId === scopeId && roleScope[grant.role] === scopeType;
  const found = await adminPeopleRepository(db).withGrantIn(scopeId);
  return found.filter((person) => person.grants.some(inScope)).map((person) => toPersonAdminView(person, inScope));
}
