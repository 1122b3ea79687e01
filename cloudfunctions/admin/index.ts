import { adminActions } from '../../server/actions/admin';
import { createFunction } from '../../server/runtime/createFunction';

/** Cloud function `admin`: the pairing table (import, export), units, orgs, pairings, people, invitations, audit. */
export const main = createFunction(adminActions);
