import { leaderRequestsInput } from '../../../src/contract/adminLeaders';
import { defineAction } from '../../runtime/defineAction';
import { leaderRequestViews } from '../../services/people/leaderRequestViews';

/**
 * admin.leaderRequests — the party leaders waiting for the caller's approval, with who they are (the
 * office workbench answers the same list in admin.overview).
 */
export const leaderRequests = defineAction({
  name: 'admin.leaderRequests',
  input: leaderRequestsInput,
  access: 'person',
  async run({ db, caller, now }) {
    return { items: await leaderRequestViews(db, caller, now) };
  },
});
