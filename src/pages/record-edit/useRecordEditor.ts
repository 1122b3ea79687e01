import { useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import type { ActionError } from '../../contract/errors';
import { callAction } from '../../client/callAction';
import { pageUrl } from '../../client/pageParams';
import { forgetNewDraft, rememberNewDraft, removeDraft, storeDraft } from '../../client/recordDraft';
import { dismissSubmission, onQueueEvent, submitRecord } from '../../client/recordQueue';
import { fieldKeyOf, toSaveInput, type FieldKey, type RecordForm } from './formModel';
import { loadEditor, type EditorLoad, type EditorParams, type ServerCopy } from './loadEditor';

export type Busy = 'save' | 'submit' | null;

export interface Feedback {
  readonly fieldErrors: Partial<Record<FieldKey, string>>;
  /** An error that belongs to no field, or a note about where the record is. */
  readonly message?: { readonly tone: 'error' | 'info' | 'success'; readonly text: string };
}

const recordPage = (id: string) => pageUrl('/pages/record/index', { id });

function scrollTo(key: FieldKey) {
  try {
    void Taro.pageScrollTo({ selector: `#field-${key.replace('.', '-')}`, duration: 200 });
  } catch {
    // scrolling is a courtesy
  }
}

/** The record editor's state: load, keep every change on the phone, save a draft, submit through the queue. */
export function useRecordEditor(params: EditorParams) {
  const [load, setLoad] = useState<EditorLoad | null>(null);
  const [form, setForm] = useState<RecordForm | null>(null);
  const [server, setServer] = useState<ServerCopy | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [queued, setQueued] = useState(false);
  const [feedback, setFeedback] = useState<Feedback>({ fieldErrors: {} });
  const paramsKey = JSON.stringify(params);
  const clientKey = load?.status === 'ready' ? load.clientKey : null;
  const clientKeyRef = useRef<string | null>(null);
  clientKeyRef.current = clientKey;
  // Once the record is sent the editor gives way to the record page, exactly once: the submit's answer
  // and the queue's "sent" event both report the same sending, and a second redirectTo would open a
  // second record page (Taro then unmounts a page it has not rendered and loses another one).
  const leftRef = useRef(false);
  function showSent(key: string) {
    if (leftRef.current) return;
    leftRef.current = true;
    void Taro.redirectTo({ url: recordPage(key) });
  }

  useEffect(() => {
    let live = true;
    void loadEditor(JSON.parse(paramsKey) as EditorParams).then((loaded) => {
      if (!live) return;
      setLoad(loaded);
      if (loaded.status === 'ready') {
        setForm(loaded.form);
        setServer(loaded.server);
        if (loaded.restored) setFeedback({ fieldErrors: {}, message: { tone: 'info', text: '已恢复上次在手机上未提交的内容。' } });
      }
    });
    return () => {
      live = false;
    };
  }, [paramsKey]);

  // A queued record sent later while the page is still open: show it.
  useEffect(
    () =>
      onQueueEvent(({ clientKey: sentKey, outcome }) => {
        if (sentKey === clientKeyRef.current && outcome.status === 'sent') showSent(sentKey);
      }),
    [],
  );

  function change(next: Partial<RecordForm>, touched: FieldKey) {
    if (form === null || clientKey === null) return;
    const updated = { ...form, ...next };
    setForm(updated);
    storeDraft(clientKey, updated);
    if (feedback.fieldErrors[touched] !== undefined) {
      const { [touched]: _cleared, ...rest } = feedback.fieldErrors;
      setFeedback({ ...feedback, fieldErrors: rest });
    }
  }

  function showError(error: ActionError) {
    const key = fieldKeyOf(error.field);
    if (key !== undefined) {
      setFeedback({ fieldErrors: { [key]: error.message } });
      scrollTo(key);
    } else {
      setFeedback({ fieldErrors: {}, message: { tone: 'error', text: error.message } });
    }
  }

  async function saveDraft() {
    if (form === null || clientKey === null || busy !== null) return;
    setBusy('save');
    storeDraft(clientKey, form);
    const result = await callAction('records.save', toSaveInput(form, clientKey));
    setBusy(null);
    if (result.ok) {
      removeDraft(clientKey);
      forgetNewDraft(form.pairingId, clientKey);
      setServer({ state: result.data.record.state, revision: result.data.record.revision });
      setFeedback({ fieldErrors: {}, message: { tone: 'success', text: '草稿已保存。' } });
    } else if (result.error.code === 'INTERNAL') {
      setFeedback({ fieldErrors: {}, message: { tone: 'info', text: '网络不通，草稿已保存在手机上；联网后再点“保存草稿”或“提交确认”。' } });
    } else {
      showError(result.error);
    }
  }

  async function submit() {
    if (form === null || clientKey === null || busy !== null) return;
    setBusy('submit');
    storeDraft(clientKey, form);
    forgetNewDraft(form.pairingId, clientKey);
    const outcome = await submitRecord(clientKey, toSaveInput(form, clientKey));
    setBusy(null);
    if (outcome.status === 'sent') {
      showSent(clientKey);
    } else if (outcome.status === 'queued') {
      setQueued(true);
      setFeedback({ fieldErrors: {} });
    } else {
      dismissSubmission(clientKey);
      if (server === null) rememberNewDraft(form.pairingId, clientKey);
      showError(outcome.error);
    }
  }

  return { load, form, server, busy, queued, feedback, change, saveDraft, submit };
}
