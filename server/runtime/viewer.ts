import type { Grant } from '../../src/contract/people';
import type { PersonView } from '../../src/contract/session';
import type { Caller } from './context';

/** A grant as pages see it: exactly its fields (stored grants may carry more). */
export function grantView({ role, scopeType, scopeId, scopeName, approved }: Grant): Grant {
  return { role, scopeType, scopeId, scopeName, approved };
}

/** The caller as pages see them (whoami, and any call made with `viewer: true`). */
export function viewerOf(caller: Caller): PersonView {
  return { id: caller.personId, name: caller.name, grants: caller.grants.map(grantView) };
}
