import { useCallback, useEffect, useRef, useState } from 'react';
import type { ActionError } from '../../contract/errors';
import type { RecordSummary } from '../../contract/records';
import type { RecordState } from '../../domain/records/stateMachine';
import { callAction } from '../../client/callAction';

export const PAGE_SIZE = 20;

export interface RecordBook {
  readonly items: readonly RecordSummary[];
  readonly nextCursor?: string;
  readonly loading: boolean;
  readonly error?: ActionError;
}

/** `records.list`, 20 at a time: the first page on load (and on refresh or a new filter), more on request. */
export function useRecordBook(pairingId: string | undefined, state: RecordState | undefined) {
  const [book, setBook] = useState<RecordBook>({ items: [], loading: true });
  const latest = useRef(0);

  const fetchPage = useCallback(
    async (cursor?: string) => {
      const call = ++latest.current;
      setBook((current) => ({ ...current, loading: true, error: undefined, ...(cursor === undefined ? { items: [] } : {}) }));
      const result = await callAction('records.list', {
        limit: PAGE_SIZE,
        ...(pairingId ? { pairingId } : {}),
        ...(state ? { state } : {}),
        ...(cursor !== undefined ? { cursor } : {}),
      });
      if (call !== latest.current) return;
      setBook((current) =>
        result.ok
          ? { items: cursor === undefined ? result.data.items : [...current.items, ...result.data.items], nextCursor: result.data.nextCursor, loading: false }
          : { ...current, loading: false, error: result.error },
      );
    },
    [pairingId, state],
  );

  useEffect(() => {
    void fetchPage();
  }, [fetchPage]);

  return {
    book,
    refresh: () => fetchPage(),
    loadMore: () => (book.nextCursor !== undefined && !book.loading ? fetchPage(book.nextCursor) : Promise.resolve()),
  };
}
