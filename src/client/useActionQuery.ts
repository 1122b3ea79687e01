import { useCallback, useEffect, useRef, useState } from 'react';
import type { ActionInput, ActionName, ActionOutput } from '../contract/actions';
import type { ActionError } from '../contract/errors';
import type { ActionResult } from '../contract/result';
import { callAction } from './callAction';

export type QueryState<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly error: ActionError }
  | { readonly status: 'ready'; readonly data: T };

/** How a query reaches the cloud: `callAction`, or a page's own wrapper of it. */
export type ActionCaller = <K extends ActionName>(action: K, input: ActionInput<K>) => Promise<ActionResult<ActionOutput<K>>>;

const plainCall: ActionCaller = (action, input) => callAction(action, input);

export interface ReloadOptions {
  /** Keep what is shown until the new answer arrives (coming back to a page, pull-down): no loading flash. */
  readonly quiet?: boolean;
}

/**
 * Runs one action when the component mounts and whenever `reload` is called (through `call` when
 * given). Answers that arrive after a newer call started, or after unmount, are dropped.
 */
export function useActionQuery<K extends ActionName>(
  action: K,
  input: ActionInput<K>,
  call: ActionCaller = plainCall,
): { state: QueryState<ActionOutput<K>>; reload: (options?: ReloadOptions) => Promise<void> } {
  const [state, setState] = useState<QueryState<ActionOutput<K>>>({ status: 'loading' });
  const latest = useRef(0);
  const inputKey = JSON.stringify(input);

  const reload = useCallback(async (options: ReloadOptions = {}) => {
    const current = ++latest.current;
    if (!options.quiet) setState({ status: 'loading' });
    const result = await call(action, JSON.parse(inputKey) as ActionInput<K>);
    if (current !== latest.current) return;
    setState(result.ok ? { status: 'ready', data: result.data } : { status: 'error', error: result.error });
  }, [action, inputKey, call]);

  useEffect(() => {
    void reload();
    return () => {
      latest.current += 1;
    };
  }, [reload]);

  return { state, reload };
}
