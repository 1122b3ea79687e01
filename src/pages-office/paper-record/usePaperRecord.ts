import { useState } from 'react';
import type { PairingSummary } from '../../contract/admin';
import type { RecordView } from '../../contract/records';
import { newClientKey } from '../../client/clientKey';
import type { ActionCaller } from '../../client/useActionQuery';
import { chinaDateString } from '../../domain/time/chinaTime';
import { fieldKeyOf, formProblems, hasProblems, newForm, toSaveInput, type FieldKey, type RecordForm } from '../../components/RecordFields/formModel';

export interface PaperFeedback {
  readonly fieldErrors: Partial<Record<FieldKey, string>>;
  /** A refusal of no field, shown at the button. */
  readonly atButton?: string;
}

/**
 * A paper record (补录) as an office enters it from the paper book: the record book's own form and rules
 * (the contract's, as on the phone), saved with `paper: true`, then sent to the org leader for confirmation,
 * or confirmed at once when the office has checked the leader's signature on paper (纸质签字已核).
 */
export function usePaperRecord(call: ActionCaller, now: () => Date = () => new Date()) {
  const [pairing, setPairing] = useState<PairingSummary | null>(null);
  const [form, setForm] = useState<RecordForm | null>(null);
  const [clientKey, setClientKey] = useState(() => newClientKey());
  const [signed, setSigned] = useState(false);
  const [busy, setBusy] = useState(false);
  const [feedback, setFeedback] = useState<PaperFeedback>({ fieldErrors: {} });
  const [done, setDone] = useState<RecordView | null>(null);

  function pick(next: PairingSummary | null) {
    setPairing(next);
    setForm(next ? newForm(next.id, chinaDateString(now())) : null);
    setFeedback({ fieldErrors: {} });
  }

  function change(next: Partial<RecordForm>, touched: FieldKey) {
    if (form === null) return;
    setForm({ ...form, ...next });
    if (feedback.fieldErrors[touched] !== undefined) {
      const { [touched]: _cleared, ...rest } = feedback.fieldErrors;
      setFeedback({ ...feedback, fieldErrors: rest });
    }
  }

  function refused(error: { readonly message: string; readonly field?: string }) {
    const key = fieldKeyOf(error.field);
    setFeedback(key !== undefined ? { fieldErrors: { [key]: error.message } } : { fieldErrors: {}, atButton: error.message });
  }

  async function send() {
    if (form === null || busy) return;
    const problems = formProblems(form, clientKey, 'complete');
    if (hasProblems(problems)) return setFeedback({ fieldErrors: problems.fieldErrors, ...(problems.other.length > 0 ? { atButton: problems.other.join('；') } : {}) });
    setBusy(true);
    setFeedback({ fieldErrors: {} });
    // Saving again with the same clientKey after a failure edits the same draft: never two records.
    const saved = await call('records.save', { ...toSaveInput(form, clientKey), paper: true });
    if (!saved.ok) {
      setBusy(false);
      return refused(saved.error);
    }
    const step = { recordId: saved.data.record.id, revision: saved.data.record.revision };
    const sent = signed ? await call('records.confirmOnPaper', step) : await call('records.submit', step);
    setBusy(false);
    if (!sent.ok) return refused(sent.error);
    setDone(sent.data.record);
  }

  function another() {
    setDone(null);
    setClientKey(newClientKey());
    setSigned(false);
    pick(pairing);
  }

  return { pairing, form, signed, busy, feedback, done, pick, change, setSigned, send, another };
}
