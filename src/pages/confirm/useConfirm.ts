import { useCallback, useEffect, useState } from 'react';
import type { ActionInput } from '../../contract/actions';
import type { ActionError } from '../../contract/errors';
import type { ConfirmPageView, RecordView } from '../../contract/records';
import { callAction } from '../../client/callAction';

/** A record reached by a confirm link's token (share card, subscription message, QR code) or by its id (the leader's list). */
export type ConfirmTarget = { readonly token: string } | { readonly recordId: string };

export function targetOf(params: Readonly<Record<string, string | undefined>>): ConfirmTarget | null {
  const token = params['t'] ?? params['scene'];
  if (token) return { token };
  const recordId = params['id'];
  return recordId ? { recordId } : null;
}

export type ConfirmState =
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly error: ActionError }
  | { readonly status: 'ready'; readonly view: ConfirmPageView }
  | { readonly status: 'decided'; readonly decision: 'confirm' | 'dispute'; readonly record: RecordView };

/** Load the record for the party leader, then confirm it or dispute it with a reason. */
export function useConfirm(target: ConfirmTarget | null) {
  const [state, setState] = useState<ConfirmState>({ status: 'loading' });
  const [busy, setBusy] = useState<'confirm' | 'dispute' | null>(null);
  const targetKey = JSON.stringify(target);

  const load = useCallback(async () => {
    const parsed = JSON.parse(targetKey) as ConfirmTarget | null;
    if (parsed === null) return;
    setState({ status: 'loading' });
    const result = await callAction('records.get', parsed);
    setState(result.ok ? { status: 'ready', view: result.data } : { status: 'error', error: result.error });
  }, [targetKey]);

  useEffect(() => {
    void load();
  }, [load]);

  /** By the link's token; by id and revision when opened by id, or by the link of an earlier version (it leads to the latest). */
  function leaderTarget(view: ConfirmPageView): ActionInput<'records.confirm'> {
    return target !== null && 'token' in target && !view.superseded ? { token: target.token } : { recordId: view.record.id, revision: view.record.revision };
  }

  async function confirm() {
    if (state.status !== 'ready' || busy !== null) return;
    setBusy('confirm');
    const result = await callAction('records.confirm', leaderTarget(state.view));
    setBusy(null);
    setState(result.ok ? { status: 'decided', decision: 'confirm', record: result.data.record } : { status: 'error', error: result.error });
  }

  /** Answers the error when it is about the reason (shown at the field); other failures replace the page. */
  async function dispute(reason: string): Promise<ActionError | null> {
    if (state.status !== 'ready' || busy !== null) return null;
    setBusy('dispute');
    const result = await callAction('records.dispute', { ...leaderTarget(state.view), reason });
    setBusy(null);
    if (result.ok) {
      setState({ status: 'decided', decision: 'dispute', record: result.data.record });
      return null;
    }
    if (result.error.field === 'reason' || result.error.code === 'INVALID_INPUT') return result.error;
    setState({ status: 'error', error: result.error });
    return null;
  }

  return { state, busy, confirm, dispute, reload: load };
}
