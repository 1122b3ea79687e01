import type { ActionError } from '../contract/errors';
import { useSignInRedirect } from './signIn';
import { useActionQuery } from './useActionQuery';

export { localSignInUrl } from './signIn';

/**
 * Who the caller is. In h5, a caller without a session is sent to the local demo sign-in
 * (and back to `returnTo` afterwards, when given); in weapp WeChat always identifies the caller,
 * so UNAUTHENTICATED is shown as an error.
 */
export function useWhoami(options: { readonly returnTo?: string } = {}) {
  const query = useActionQuery('session.whoami', {});
  const { state } = query;
  const error: ActionError | undefined = state.status === 'error' ? state.error : undefined;
  const redirecting = useSignInRedirect(error, options.returnTo);
  return { ...query, redirecting };
}
