import type { PersonView, RoleGrantView } from '../../../src/contract/session';
import type { Caller, Grant } from '../../runtime/context';

export function grantView({ role, scopeType, scopeId, scopeName, approved }: Grant): RoleGrantView {
  return { role, scopeType, scopeId, scopeName, approved };
}

export function personView(caller: Caller): PersonView {
  return { id: caller.personId, name: caller.name, grants: caller.grants.map(grantView) };
}
