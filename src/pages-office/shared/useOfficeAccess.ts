import { useCallback, useRef, useState } from 'react';
import type { ActionInput, ActionName, ActionOutput } from '../../contract/actions';
import type { ActionResult } from '../../contract/result';
import { callAction } from '../../client/callAction';
import { useSignInRedirect } from '../../client/signIn';
import type { ActionCaller } from '../../client/useActionQuery';
import type { OfficeAccess, OfficeViewer } from './officeAccess';
import { accessFrom } from './officeAccess';

/**
 * Office pages learn who is looking from their own first call: until an answer has told, each call
 * asks for the caller too (`viewer: true`), so the first screen needs one round trip, not a
 * `session.whoami` before it. In h5 a caller without a session goes to the demo sign-in, back to `returnTo`.
 */
const waiting: OfficeAccess = { status: 'loading' };

export function useOfficeAccess(returnTo: string) {
  const [access, setAccess] = useState<OfficeAccess>(waiting);
  const viewer = useRef<OfficeViewer | null>(null);

  const call: ActionCaller = useCallback(async <K extends ActionName>(action: K, input: ActionInput<K>): Promise<ActionResult<ActionOutput<K>>> => {
    if (viewer.current) return callAction(action, input);
    setAccess(waiting);
    const result = await callAction(action, input, { viewer: true });
    const next = accessFrom(result);
    if (next.status === 'office') viewer.current = next.viewer;
    setAccess(next);
    return result;
  }, []);

  const redirecting = useSignInRedirect(access.status === 'error' ? access.error : undefined, returnTo);
  return { access: redirecting ? waiting : access, call };
}
