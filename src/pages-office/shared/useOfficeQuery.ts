import { useMemo } from 'react';
import type { ActionInput, ActionName, ActionOutput } from '../../contract/actions';
import { useActionQuery } from '../../client/useActionQuery';
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
  const { state: query, reload } = useActionQuery(action, input, call);
  const state = useMemo((): OfficeQueryState<ActionOutput<K>> => (access.status !== 'office' ? access : query.status === 'ready' ? { ...query, viewer: access.viewer } : query), [access, query]);
  return { state, access, reload };
}
