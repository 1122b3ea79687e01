import { useEffect } from 'react';
import Taro from '@tarojs/taro';
import { useActionQuery } from './useActionQuery';

/** The h5 local demo sign-in page (absent from the weapp build). */
export const localSignInUrl = '/pages/local-signin/index';

/**
 * Who the caller is. In h5, a caller without a session is sent to the local demo sign-in;
 * in weapp WeChat always identifies the caller, so UNAUTHENTICATED is shown as an error.
 */
export function useWhoami() {
  const query = useActionQuery('session.whoami', {});
  const { state } = query;
  const redirecting =
    process.env.TARO_ENV === 'h5' && state.status === 'error' && state.error.code === 'UNAUTHENTICATED';

  useEffect(() => {
    if (redirecting) void Taro.redirectTo({ url: localSignInUrl });
  }, [redirecting]);

  return { ...query, redirecting };
}
