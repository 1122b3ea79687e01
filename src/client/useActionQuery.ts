import { useCallback, useEffect, useRef, useState } from 'react';
import type { ActionInput, ActionName, ActionOutput } from '../contract/actions';
import type { ActionError } from '../contract/errors';
import { callAction } from './callAction';

export type QueryState<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly error: ActionError }
  | { readonly status: 'ready'; readonly data: T };

/**
 * Runs one action when the component mounts and whenever `reload` is called.
 * Answers that arrive after a newer call started, or after unmount, are dropped.
 */
export function useActionQuery<K extends ActionName>(
  action: K,
  input: ActionInput<K>,
): { state: QueryState<ActionOutput<K>>; reload: () => Promise<void> } {
  const [state, setState] = useState<QueryState<ActionOutput<K>>>({ status: 'loading' });
  const latest = useRef(0);
  const inputKey = JSON.stringify(input);

  const reload = useCallback(async () => {
    const call = ++latest.current;
    setState({ status: 'loading' });
    const result = await callAction(action, JSON.parse(inputKey) as ActionInput<K>);
    if (call !== latest.current) return;
    setState(result.ok ? { status: 'ready', data: result.data } : { status: 'error', error: result.error });
  }, [action, inputKey]);

  useEffect(() => {
    void reload();
    return () => {
      latest.current += 1;
    };
  }, [reload]);

  return { state, reload };
}
