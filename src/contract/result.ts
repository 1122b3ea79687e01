import type { ActionError } from './errors';

/** What every cloud action answers, over wx.cloud and over the local HTTP endpoint alike. */
export type ActionResult<T> = { readonly ok: true; readonly data: T } | { readonly ok: false; readonly error: ActionError };
