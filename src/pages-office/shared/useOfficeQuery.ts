import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ActionInput, ActionName, ActionOutput } from '../../contract/actions';
import type { QueryState } from '../../client/useActionQuery';
import type { OfficeViewer, OfficeWaiting } from './officeAccess';
import { useOfficeAccess } from './useOfficeAccess';

/** An office page's data: its waiting states until the caller is known to be an office, then the query's own. */
export type OfficeQueryState<T> = OfficeWaiting | { readonly status: 'ready'; readonly data: T; readonly viewer: OfficeViewer };

/**
 * `useActionQuery` for office pages: runs the page's action on mount (and on `reload`), the first
 * time asking for the caller too. `state` is ready only for an office; `access` stays known across
 * reloads, for pages that keep their frame while a list reloads.
 */
export function useOfficeQuery<K extends ActionName>(action: K, input: ActionInput<K>, options: { readonly returnTo: string }) {
  const { access, call } = useOfficeAccess(options.returnTo);
  const [query, setQuery] = useState<QueryState<ActionOutput<K>>>({ status: 'loading' });
  const latest = useRef(0);
  const inputKey = JSON.stringify(input);

  const reload = useCallback(async () => {
    const current = ++latest.current;
    setQuery({ status: 'loading' });
    const result = await call(action, JSON.parse(inputKey) as ActionInput<K>);
    if (current !== latest.current) return;
    setQuery(result.ok ? { status: 'ready', data: result.data } : { status: 'error', error: result.error });
  }, [action, inputKey, call]);

  useEffect(() => {
    void reload();
    return () => {
      latest.current += 1;
    };
  }, [reload]);

  const state = useMemo((): OfficeQueryState<ActionOutput<K>> => (access.status !== 'office' ? access : query.status === 'ready' ? { ...query, viewer: access.viewer } : query), [access, query]);
  return { state, access, reload };
}
