import type { ActionError } from './errors';
import type { PersonView } from './session';

/**
 * What every cloud action answers, over wx.cloud and over the local HTTP endpoint alike.
 * A call that asks for it (`viewer: true` in the event) also gets the caller, so a page needs no
 * separate `session.whoami` round trip to know who is looking.
 */
export type ActionResult<T> = { readonly ok: true; readonly data: T; readonly viewer?: PersonView } | { readonly ok: false; readonly error: ActionError };
