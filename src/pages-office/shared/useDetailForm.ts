import { useEffect, useState } from 'react';
import type { ActionError } from '../../contract/errors';
import type { ActionResult } from '../../contract/result';

export interface DetailFormOptions<D, F> {
  /** The record shown, from the page's address; undefined when adding a new one. */
  readonly id: string | undefined;
  readonly load: (id: string) => Promise<ActionResult<D>>;
  readonly formOf: (detail: D | null) => F;
}

export type FormMessage = { readonly tone: 'error' | 'success'; readonly text: string } | null;

/**
 * A unit's or an org's editor page: load the detail for the id in the address, hold the form,
 * save it (showing the server's message at its field) and, once saved, show what the server kept.
 */
export function useDetailForm<D, F extends object>({ id, load, formOf }: DetailFormOptions<D, F>) {
  const [detail, setDetail] = useState<D | null>(null);
  const [loadError, setLoadError] = useState<ActionError | undefined>(undefined);
  const [form, setForm] = useState<F>(formOf(null));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<FormMessage>(null);
  const [busy, setBusy] = useState(false);

  async function reload() {
    if (!id) return;
    const result = await load(id);
    if (!result.ok) return setLoadError(result.error);
    setDetail(result.data);
    setForm(formOf(result.data));
  }
  useEffect(() => {
    void reload();
    // The record to show is fixed by the page's address.
  }, [id]);

  /** Sends the form; a new record is then opened at its own address (`opened`). */
  async function save(send: () => Promise<ActionResult<D>>, opened: (saved: D) => void) {
    setBusy(true);
    setErrors({});
    setMessage(null);
    const result = await send();
    setBusy(false);
    if (!result.ok) {
      if (result.error.field) setErrors({ [result.error.field]: result.error.message });
      return setMessage({ tone: 'error', text: result.error.message });
    }
    if (!id) return opened(result.data);
    setDetail(result.data);
    setForm(formOf(result.data));
    setMessage({ tone: 'success', text: '已保存' });
  }

  /** An onChange for one text or choice field of the form. */
  const set = (field: keyof F) => (value: string) => setForm((previous) => ({ ...previous, [field]: value }));

  return { detail, loadError, form, setForm, set, errors, setErrors, message, busy, reload, save };
}
