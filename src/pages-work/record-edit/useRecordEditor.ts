import '../../client/recordCompleteness';
import { useEffect, useRef, useState } from 'react';
import Taro, { useDidHide } from '@tarojs/taro';
import type { ActionError } from '../../contract/errors';
import { callAction } from '../../client/callAction';
import { pageUrl } from '../../client/pageParams';
import { askForResultMessage } from '../../client/resultSubscription';
import { draftWriter, forgetNewDraft, rememberNewDraft, removeDraft, storeDraft } from '../../client/recordDraft';
import { dismissSubmission, onQueueEvent, submitRecord } from '../../client/recordQueue';
import { problemsSummary } from '../../contract/records';
import { fieldKeyOf, formProblems, hasProblems, toSaveInput, type FieldKey, type FormProblems, type RecordForm } from '../../components/RecordFields/formModel';
import { loadEditor, type EditorLoad, type EditorParams, type ServerCopy } from './loadEditor';

export type Busy = 'save' | 'submit' | null;

export interface Feedback {
  /** Every problem next to its field; the button shows how many remain. */
  readonly fieldErrors: Partial<Record<FieldKey, string>>;
  /** A note at the top about where the record is (restored from the phone). */
  readonly message?: { readonly tone: 'info'; readonly text: string };
  /** The answer to the tap, at the buttons where the eye is: an error of no field, or "saved". */
  readonly atButton?: { readonly tone: 'error' | 'info' | 'success'; readonly text: string };
}

/** The summary at the submit button: how many problems remain and what they are. */
export function buttonSummary(feedback: Feedback): string | undefined {
  const messages = Object.values(feedback.fieldErrors).filter((message): message is string => message !== undefined);
  return messages.length > 0 ? problemsSummary(messages.map((message) => ({ field: '', message }))) : undefined;
}

const recordPage = (id: string) => pageUrl('/pages/record/index', { id });

const fieldOrder: readonly FieldKey[] = ['kind', 'date', 'contentAreas', 'content', 'results', 'participants.unit', 'organisations.unit', 'participants.org', 'organisations.org', 'attachments'];

function scrollTo(key: FieldKey) {
  try {
    void Taro.pageScrollTo({ selector: `#field-${key.replace('.', '-')}`, duration: 200 });
  } catch {
    // scrolling is a courtesy
  }
}

/** The record editor's state: load, keep every change on the phone (at most every 300 ms), save a draft, submit through the queue. */
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
  // What is typed reaches the phone's storage at most every 300 ms, and at once when the page hides or closes.
  const writer = useRef(draftWriter<RecordForm>()).current;
  useDidHide(() => writer.flush());
  useEffect(() => () => writer.flush(), [writer]);
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
    writer.later(clientKey, updated);
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
      setFeedback({ fieldErrors: {}, atButton: { tone: 'error', text: error.message } });
    }
  }

  /** Shows every problem at once, next to its field and at the button, and scrolls to the first. */
  function showProblems(problems: FormProblems) {
    setFeedback({ fieldErrors: problems.fieldErrors, ...(problems.other.length > 0 ? { atButton: { tone: 'error', text: problems.other.join('；') } } : {}) });
    const first = fieldOrder.find((key) => problems.fieldErrors[key] !== undefined);
    if (first !== undefined) scrollTo(first);
  }

  async function saveDraft() {
    if (form === null || clientKey === null || busy !== null) return;
    writer.cancel();
    storeDraft(clientKey, form);
    // A draft may be incomplete, not wrong (too long, not a number).
    const problems = formProblems(form, clientKey, 'draft');
    if (hasProblems(problems)) return showProblems(problems);
    setBusy('save');
    const result = await callAction('records.save', toSaveInput(form, clientKey));
    setBusy(null);
    if (result.ok) {
      removeDraft(clientKey);
      forgetNewDraft(form.pairingId, clientKey);
      setServer({ state: result.data.record.state, revision: result.data.record.revision });
      setFeedback({ fieldErrors: {}, atButton: { tone: 'success', text: '草稿已保存。' } });
    } else if (result.error.code === 'INTERNAL') {
      setFeedback({ fieldErrors: {}, atButton: { tone: 'info', text: '网络不通，草稿已保存在手机上；联网后再点“保存草稿”或“提交确认”。' } });
    } else {
      showError(result.error);
    }
  }

  async function submit() {
    if (form === null || clientKey === null || busy !== null) return;
    writer.cancel();
    storeDraft(clientKey, form);
    // Checked here with the server's rules, so an incomplete record is never queued as "will send".
    const problems = formProblems(form, clientKey, 'complete');
    if (hasProblems(problems)) return showProblems(problems);
    // Still inside the tap, before anything is awaited: the one 审核结果通知 for this record's result.
    void askForResultMessage();
    setBusy('submit');
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
