import { useRef, useState } from 'react';
import type { ActionInput, ActionName, ActionOutput } from '../../contract/actions';
import { scrollToTop } from './Pager';
import type { OfficeQueryState } from './useOfficeQuery';
import { useOfficeQuery } from './useOfficeQuery';

/** Actions whose input takes a page of their long list (`offset`, from src/contract/fields.ts `listPageFields`). */
type PagedAction = { [K in ActionName]: ActionInput<K> extends { offset?: number } ? K : never }[ActionName];

/**
 * `useOfficeQuery` for a page that shows one page of a long list at a time. `turnTo(offset)` asks
 * for another page; until it arrives the page keeps showing the one it has (`turning`), rather than
 * blanking to a loading screen. Changing `input` (a filter) starts again from the first page.
 */
export function usePagedOfficeQuery<K extends PagedAction>(action: K, input: Omit<ActionInput<K>, 'offset' | 'limit'>, options: { readonly returnTo: string }) {
  const filtersKey = JSON.stringify(input);
  const [paging, setPaging] = useState({ filtersKey, offset: 0 });
  const offset = paging.filtersKey === filtersKey ? paging.offset : 0;
  const { state, access, reload } = useOfficeQuery(action, { ...input, ...(offset > 0 ? { offset } : {}) } as ActionInput<K>, options);
  const shown = useRef<{ filtersKey: string; state: OfficeQueryState<ActionOutput<K>> } | null>(null);
  if (state.status === 'ready') shown.current = { filtersKey, state };
  const turning = state.status === 'loading' && shown.current?.filtersKey === filtersKey;

  function turnTo(next: number) {
    setPaging({ filtersKey, offset: next });
    scrollToTop();
  }

  return { state: turning ? shown.current!.state : state, turning, access, reload, turnTo };
}
