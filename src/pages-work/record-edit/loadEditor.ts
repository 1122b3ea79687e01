import type { ActionError } from '../../contract/errors';
import { recordStates, isEditable, type RecordState } from '../../domain/records/stateMachine';
import { chinaDateString } from '../../domain/time/chinaTime';
import { callAction } from '../../client/callAction';
import { newClientKey } from '../../client/clientKey';
import { loadDraft, newDraftOf, rememberNewDraft } from '../../client/recordDraft';
import { formFromRecord, isRecordKind, newForm, withCheckIn, type RecordForm } from '../../components/RecordFields/formModel';

export interface EditorParams {
  readonly pairingId?: string;
  readonly recordId?: string;
  readonly kind?: string;
  readonly checkInId?: string;
  readonly photo?: string;
  /** A joint activity to write up (一季一活动). */
  readonly activityId?: string;
}

export interface ServerCopy {
  readonly state: RecordState;
  readonly revision: number;
}

export type EditorLoad =
  | { readonly status: 'ready'; readonly clientKey: string; readonly form: RecordForm; readonly server: ServerCopy | null; readonly restored: boolean }
  | { readonly status: 'blocked'; readonly message: string; readonly recordId?: string }
  | { readonly status: 'error'; readonly error: ActionError };

/**
 * Where the editor starts: a record being edited (the phone's unsent changes win over the server's copy),
 * the draft already being written for this pairing, or a new record with a new clientKey.
 */
export async function loadEditor(params: EditorParams, now: Date = new Date()): Promise<EditorLoad> {
  const { recordId, pairingId } = params;
  if (recordId !== undefined) {
    const local = loadDraft<RecordForm>(recordId);
    const result = await callAction('records.get', { recordId });
    if (result.ok) {
      const { record } = result.data;
      if (!isEditable(record.state)) {
        return { status: 'blocked', recordId, message: `这条记录当前为“${recordStates[record.state]}”，不能直接修改。` };
      }
      return { status: 'ready', clientKey: recordId, form: local?.form ?? formFromRecord(record), server: { state: record.state, revision: record.revision }, restored: local !== undefined };
    }
    // Written on this phone and never saved, or no network: carry on with the phone's copy.
    if (local && (result.error.code === 'NOT_FOUND' || result.error.code === 'INTERNAL')) {
      return { status: 'ready', clientKey: recordId, form: local.form, server: null, restored: true };
    }
    return { status: 'error', error: result.error };
  }
  if (pairingId === undefined) return { status: 'blocked', message: '没有找到结对信息，请从首页的“写记录”进入。' };
  const existingKey = newDraftOf(pairingId);
  const existing = existingKey !== undefined ? loadDraft<RecordForm>(existingKey) : undefined;
  if (existingKey !== undefined && existing) {
    return { status: 'ready', clientKey: existingKey, form: withCheckIn(existing.form, params.checkInId, params.photo), server: null, restored: true };
  }
  const clientKey = newClientKey();
  rememberNewDraft(pairingId, clientKey);
  const kind = isRecordKind(params.kind) ? params.kind : undefined;
  const form = newForm(pairingId, chinaDateString(now), { ...(kind ? { kind } : {}), ...(params.checkInId ? { checkInId: params.checkInId } : {}), ...(params.photo ? { photo: params.photo } : {}), ...(params.activityId ? { activityId: params.activityId } : {}) });
  return { status: 'ready', clientKey, form, server: null, restored: false };
}
