import { useEffect } from 'react';
import Taro from '@tarojs/taro';
import type { ActionError } from '../contract/errors';

/** The h5 local demo sign-in page (absent from the weapp build). */
export const localSignInUrl = '/pages/local-signin/index';

/** Only in-app pages are accepted as a place to return to after signing in. */
export function safeReturnPath(value: string | undefined): string | undefined {
  if (value === undefined || !/^\/pages(-[a-z]+)?\/[\w\-/]+(\?[\w\-=&%.~]*)?$/.test(value)) return undefined;
  return value.startsWith(localSignInUrl) ? undefined : value;
}

/** The sign-in page, coming back to `returnTo` afterwards. */
export function signInUrl(returnTo?: string): string {
  const back = safeReturnPath(returnTo);
  return back === undefined ? localSignInUrl : `${localSignInUrl}?redirect=${encodeURIComponent(back)}`;
}

/** Whether an action's failure means "sign in first" in h5 (weapp always knows the caller). */
export function needsSignIn(error: ActionError | undefined): boolean {
  return process.env.TARO_ENV === 'h5' && error?.code === 'UNAUTHENTICATED';
}

/** In h5, sends a caller without a session to the local sign-in, coming back to `returnTo`. */
export function useSignInRedirect(error: ActionError | undefined, returnTo?: string): boolean {
  const redirecting = needsSignIn(error);
  const url = signInUrl(returnTo);
  useEffect(() => {
    if (redirecting) void Taro.redirectTo({ url });
  }, [redirecting, url]);
  return redirecting;
}
