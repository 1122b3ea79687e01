import { whoamiInput } from '../../../src/contract/session';
import { defineAction } from '../../runtime/defineAction';
import { fail } from '../../runtime/failure';
import { viewerOf } from '../../runtime/viewer';

/** session.whoami — the caller and their grants; `person: null` until they join by invitation. */
export const whoami = defineAction({
  name: 'session.whoami',
  input: whoamiInput,
  access: 'anyone',
  async run({ openid, caller }) {
    if (!openid) fail('UNAUTHENTICATED', 'whoami without a WeChat identity');
    return { person: caller ? viewerOf(caller) : null };
  },
});
