import { useEffect, useState } from 'react';
import type { ConfirmLink } from '../../contract/records';
import { subjectOf } from '../../domain/access/policy';
import { callAction } from '../../client/callAction';
import { useActionQuery } from '../../client/useActionQuery';

/** The record, whether the caller writes for its unit, and (when it waits for the leader) its confirm link. */
export function useRecordPage(recordId: string) {
  const record = useActionQuery('records.get', { recordId });
  const whoami = useActionQuery('session.whoami', {});
  const [link, setLink] = useState<ConfirmLink | null>(null);
  const [linkError, setLinkError] = useState<string | undefined>(undefined);

  const view = record.state.status === 'ready' ? record.state.data.record : null;
  const grants = whoami.state.status === 'ready' ? (whoami.state.data.person?.grants ?? []) : [];
  const unitSide = view !== null && subjectOf(grants).unitIds.includes(view.unitId);
  const waiting = view !== null && view.state === 'submitted' && unitSide;
  const waitingKey = waiting ? `${view.id}:${view.revision}` : null;

  useEffect(() => {
    setLink(null);
    setLinkError(undefined);
    if (waitingKey === null) return;
    let live = true;
    void callAction('records.confirmLink', { recordId }).then((result) => {
      if (!live) return;
      if (result.ok) setLink(result.data);
      else setLinkError(result.error.message);
    });
    return () => {
      live = false;
    };
  }, [waitingKey, recordId]);

  return { record, unitSide, link, linkError, reload: record.reload };
}
