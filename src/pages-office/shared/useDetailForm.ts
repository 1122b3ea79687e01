import { useEffect, useState } from 'react';
import type { ActionResult } from '../../contract/result';

export interface DetailFormOptions<D, F> {
  /** The record shown, as the page's one call answered it; null while loading and when adding a new one. */
  readonly loaded: D | null;
  readonly formOf: (detail: D | null) => F;
}

export type FormMessage = { readonly tone: 'error' | 'success'; readonly text: string } | null;

/**
 * A unit's or an org's editor: hold the form for the detail the page loaded, save it (showing the
 * server's message at its field) and, once saved, show what the server kept.
 */
export function useDetailForm<D, F extends object>({ loaded, formOf }: DetailFormOptions<D, F>) {
  const [detail, setDetail] = useState<D | null>(loaded);
  const [form, setForm] = useState<F>(formOf(loaded));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<FormMessage>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    setDetail(loaded);
    setForm(formOf(loaded));
    // A new answer (a reload) replaces what is shown.
  }, [loaded]);

  /** Sends the form; a new record is then opened at its own address (`opened`). */
  async function save(send: () => Promise<ActionResult<D>>, isNew: boolean, opened: (saved: D) => void) {
    setBusy(true);
    setErrors({});
    setMessage(null);
    const result = await send();
    setBusy(false);
    if (!result.ok) {
      if (result.error.field) setErrors({ [result.error.field]: result.error.message });
      return setMessage({ tone: 'error', text: result.error.message });
    }
    if (isNew) return opened(result.data);
    setDetail(result.data);
    setForm(formOf(result.data));
    setMessage({ tone: 'success', text: '已保存' });
  }

  /** An onChange for one text or choice field of the form. */
  const set = (field: keyof F) => (value: string) => setForm((previous) => ({ ...previous, [field]: value }));

  return { detail, form, setForm, set, errors, setErrors, message, busy, save };
}
