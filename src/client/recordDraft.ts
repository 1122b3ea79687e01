import { readStored, removeStored, writeStored } from './storage';

/**
 * Unsent changes to a record, kept on the phone on every change so nothing typed at a factory gate
 * is lost to a dropped connection or a restarted app. A stored draft exists exactly while the phone
 * holds changes the server has not got yet; it is removed once they are saved or submitted.
 */
export interface StoredDraft<F> {
  readonly clientKey: string;
  readonly form: F;
  readonly changedAt: number;
}

const draftKey = (clientKey: string) => `gj.draft.${clientKey}`;
/** The record being started for a pairing that the server has not seen yet. */
const newDraftKey = (pairingId: string) => `gj.newDraft.${pairingId}`;

export function loadDraft<F>(clientKey: string): StoredDraft<F> | undefined {
  const draft = readStored<StoredDraft<F>>(draftKey(clientKey));
  return draft !== undefined && draft.clientKey === clientKey ? draft : undefined;
}

export function storeDraft<F>(clientKey: string, form: F, now: number = Date.now()): boolean {
  return writeStored(draftKey(clientKey), { clientKey, form, changedAt: now } satisfies StoredDraft<F>);
}

export function removeDraft(clientKey: string): void {
  removeStored(draftKey(clientKey));
}

export function newDraftOf(pairingId: string): string | undefined {
  const clientKey = readStored<string>(newDraftKey(pairingId));
  return typeof clientKey === 'string' ? clientKey : undefined;
}

export function rememberNewDraft(pairingId: string, clientKey: string): void {
  writeStored(newDraftKey(pairingId), clientKey);
}

/** The record has reached the server (or the queue): the next 写记录 starts afresh. */
export function forgetNewDraft(pairingId: string, clientKey: string): void {
  if (newDraftOf(pairingId) === clientKey) removeStored(newDraftKey(pairingId));
}

/** Typing writes the phone's copy at most this often (one synchronous storage write per keystroke blocked the page). */
export const DRAFT_WRITE_INTERVAL_MS = 300;

/** Writes the latest form of a record to the phone at most every DRAFT_WRITE_INTERVAL_MS while typing. */
export interface DraftWriter<F> {
  /** Keep this form; it is written within the interval (the first change of a burst starts the wait). */
  later(clientKey: string, form: F): void;
  /** Write what waits now (the page is hidden or closed). */
  flush(): void;
  /** Forget what waits (the caller writes or removes the draft itself). */
  cancel(): void;
}

export function draftWriter<F>(interval: number = DRAFT_WRITE_INTERVAL_MS): DraftWriter<F> {
  let pending: { readonly clientKey: string; readonly form: F } | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const cancel = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    pending = null;
  };
  const flush = () => {
    const waiting = pending;
    cancel();
    if (waiting !== null) storeDraft(waiting.clientKey, waiting.form);
  };
  return {
    later(clientKey, form) {
      pending = { clientKey, form };
      if (timer === null) timer = setTimeout(flush, interval);
    },
    flush,
    cancel,
  };
}
