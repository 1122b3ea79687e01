import { whoamiInput } from '../../../src/contract/session';
import type { PersonView } from '../../../src/contract/session';
import type { Caller } from '../../runtime/context';
import { defineAction } from '../../runtime/defineAction';
import { fail } from '../../runtime/failure';

/** session.whoami — the caller and their grants; `person: null` until they join by invitation. */
export const whoami = defineAction({
  name: 'session.whoami',
  input: whoamiInput,
  access: 'anyone',
  async run({ openid, caller }) {
    if (!openid) fail('UNAUTHENTICATED', 'whoami without a WeChat identity');
    return { person: caller ? personView(caller) : null };
  },
});

function personView(caller: Caller): PersonView {
  return {
    id: caller.personId,
    name: caller.name,
    grants: caller.grants.map(({ role, scopeType, scopeId, scopeName, approved }) => ({ role, scopeType, scopeId, scopeName, approved })),
  };
}
