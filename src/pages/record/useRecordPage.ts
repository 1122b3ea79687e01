import { useEffect, useState } from 'react';
import type { ConfirmLink } from '../../contract/records';
import { callAction } from '../../client/callAction';
import { useActionQuery } from '../../client/useActionQuery';

/**
 * The record, whether the caller writes for its unit, and (when it waits for the leader) its confirm
 * link: all in the one `records.get`. Only a link that expired unused is asked for again, from
 * `records.confirmLink`, which renews it.
 */
export function useRecordPage(recordId: string) {
  const record = useActionQuery('records.get', { recordId });
  const [renewed, setRenewed] = useState<ConfirmLink | null>(null);
  const [linkError, setLinkError] = useState<string | undefined>(undefined);

  const data = record.state.status === 'ready' ? record.state.data : null;
  const view = data?.record ?? null;
  const unitSide = data?.unitSide === true;
  const expiredKey = view !== null && unitSide && view.state === 'submitted' && !data?.link ? `${view.id}:${view.revision}` : null;

  useEffect(() => {
    setRenewed(null);
    setLinkError(undefined);
    if (expiredKey === null) return;
    let live = true;
    void callAction('records.confirmLink', { recordId }).then((result) => {
      if (!live) return;
      if (result.ok) setRenewed(result.data);
      else setLinkError(result.error.message);
    });
    return () => {
      live = false;
    };
  }, [expiredKey, recordId]);

  return { record, unitSide, link: data?.link ?? renewed, linkError, reload: record.reload };
}
