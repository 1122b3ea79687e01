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
