import { sessionActions } from '../../server/actions/session';
import { createFunction } from '../../server/runtime/createFunction';

/** Cloud function `session`: who the caller is. */
export const main = createFunction(sessionActions);
