import type { PersonView, RoleGrantView } from '../../src/contract/session';
import type { Caller, Grant } from './context';

export function grantView({ role, scopeType, scopeId, scopeName, approved }: Grant): RoleGrantView {
  return { role, scopeType, scopeId, scopeName, approved };
}

/** The caller as pages see them (whoami, and any call made with `viewer: true`). */
export function viewerOf(caller: Caller): PersonView {
  return { id: caller.personId, name: caller.name, grants: caller.grants.map(grantView) };
}
