import Taro from '@tarojs/taro';
import type { ActionInput } from '../contract/actions';
import type { ActionError } from '../contract/errors';
import type { ConfirmLink, RecordView } from '../contract/records';
import { callAction } from './callAction';
import { forgetNewDraft, removeDraft } from './recordDraft';
import { readStored, writeStored } from './storage';

/**
 * Records waiting to be submitted, kept on the phone until they reach the server.
 * Each entry is sent as `records.save` (idempotent by clientKey) then `records.submit`
 * (idempotent by revision); the revision is stored once saved, so a retry after a lost answer
 * never makes a second record or a second submission: each record is sent exactly once.
 * Retried when the network comes back and when the app comes to the foreground.
 */
export interface QueuedSubmission {
  readonly clientKey: string;
  readonly content: ActionInput<'records.save'>;
  /** Known once the save went through: the revision to submit. */
  readonly submitRevision?: number;
  /** Set when the server refused it: not retried until the person sends it again. */
  readonly failure?: ActionError;
  readonly queuedAt: number;
}

export type SendOutcome =
  | { readonly status: 'sent'; readonly record: RecordView; readonly link: ConfirmLink }
  | { readonly status: 'queued' }
  | { readonly status: 'failed'; readonly error: ActionError };

export type QueueEvent = { readonly clientKey: string; readonly outcome: SendOutcome };

const queueKey = 'gj.recordQueue';
const listeners = new Set<(event: QueueEvent) => void>();
const networkBackListeners = new Set<() => void>();
let flushing: Promise<void> | null = null;
let started = false;

export function queuedSubmissions(): QueuedSubmission[] {
  const items = readStored<QueuedSubmission[]>(queueKey);
  return Array.isArray(items) ? items : [];
}

function writeQueue(items: readonly QueuedSubmission[]): void {
  writeStored(queueKey, items);
}

function update(clientKey: string, change: (item: QueuedSubmission) => QueuedSubmission | null): void {
  const items = queuedSubmissions().flatMap((item) => {
    if (item.clientKey !== clientKey) return [item];
    const next = change(item);
    return next === null ? [] : [next];
  });
  writeQueue(items);
}

/** A failure worth retrying later: the network, or a server too busy to answer. */
function isTransient(error: ActionError): boolean {
  return error.code === 'INTERNAL' || error.code === 'RATE_LIMITED';
}

/** Adds (or replaces) a submission; the newest content wins until it is saved. */
export function enqueueSubmission(clientKey: string, content: ActionInput<'records.save'>, now: number = Date.now()): void {
  const others = queuedSubmissions().filter((item) => item.clientKey !== clientKey);
  writeQueue([...others, { clientKey, content, queuedAt: now }]);
}

/** Forget a refused submission (its draft stays on the phone). */
export function dismissSubmission(clientKey: string): void {
  update(clientKey, () => null);
}

export function onQueueEvent(listener: (event: QueueEvent) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function emit(event: QueueEvent): void {
  listeners.forEach((listener) => listener(event));
}

async function sendOne(item: QueuedSubmission): Promise<SendOutcome> {
  let revision = item.submitRevision;
  if (revision === undefined) {
    const saved = await callAction('records.save', item.content);
    if (!saved.ok) return isTransient(saved.error) ? { status: 'queued' } : { status: 'failed', error: saved.error };
    revision = saved.data.record.revision;
    const savedRevision = revision;
    update(item.clientKey, (current) => ({ ...current, submitRevision: savedRevision }));
  }
  const submitted = await callAction('records.submit', { recordId: item.clientKey, revision });
  if (!submitted.ok) return isTransient(submitted.error) ? { status: 'queued' } : { status: 'failed', error: submitted.error };
  return { status: 'sent', record: submitted.data.record, link: submitted.data.link };
}

/** Why a record cannot be sent for confirmation as it is, or undefined when it is complete. */
export type CompletenessCheck = (content: ActionInput<'records.save'>) => ActionError | undefined;

let completenessCheck: CompletenessCheck = () => undefined;

/**
 * The contract's rules for a record sent for confirmation, checked on the phone: an incomplete record
 * is refused at once rather than kept as "will send" and refused by the server later. Registered by
 * src/client/recordCompleteness.ts (loaded with the record editor), so the rules' schema library stays
 * out of the main package; until then the server's own check (records.submit) refuses what is incomplete.
 */
export function setCompletenessCheck(check: CompletenessCheck): void {
  completenessCheck = check;
}

const incompleteError = (content: ActionInput<'records.save'>): ActionError | undefined => completenessCheck(content);

async function settle(item: QueuedSubmission): Promise<SendOutcome> {
  const incomplete = incompleteError(item.content);
  const outcome: SendOutcome = incomplete ? { status: 'failed', error: incomplete } : await sendOne(item);
  if (outcome.status === 'sent') {
    update(item.clientKey, () => null);
    removeDraft(item.clientKey);
    forgetNewDraft(item.content.pairingId, item.clientKey);
  } else if (outcome.status === 'failed') {
    const error = outcome.error;
    update(item.clientKey, (current) => ({ ...current, failure: error }));
  }
  if (outcome.status !== 'queued') emit({ clientKey: item.clientKey, outcome });
  return outcome;
}

/** Sends every waiting submission, one at a time; concurrent calls share one pass. */
export function flushQueue(): Promise<void> {
  if (flushing) return flushing;
  flushing = (async () => {
    try {
      for (const item of queuedSubmissions()) {
        if (item.failure !== undefined) continue;
        const outcome = await settle(item);
        if (outcome.status === 'queued') break; // still offline: try again on the next signal
      }
    } finally {
      flushing = null;
    }
  })();
  return flushing;
}

/** Queue a record for submission and try to send it now; an incomplete record is refused, never queued. */
export async function submitRecord(clientKey: string, content: ActionInput<'records.save'>): Promise<SendOutcome> {
  const incomplete = incompleteError(content);
  if (incomplete) return { status: 'failed', error: incomplete };
  startQueueRetries();
  if (flushing) await flushing;
  enqueueSubmission(clientKey, content);
  const item = queuedSubmissions().find((entry) => entry.clientKey === clientKey);
  if (!item) return { status: 'queued' };
  const pass = settle(item);
  flushing = pass.then(() => undefined).finally(() => (flushing = null));
  return pass;
}

/** Told when the network comes back (WeChat's network status, the browser's `online`), e.g. to reload a page shown offline. */
export function onNetworkBack(listener: () => void): () => void {
  networkBackListeners.add(listener);
  return () => networkBackListeners.delete(listener);
}

function networkBack(): void {
  void flushQueue();
  networkBackListeners.forEach((listener) => listener());
}

/** Registers the retry signals once per app run: network back, app shown (and the browser's `online` in h5). */
export function startQueueRetries(): void {
  if (started) return;
  started = true;
  Taro.onNetworkStatusChange((status) => {
    if (status.isConnected) networkBack();
  });
  Taro.onAppShow(() => void flushQueue());
  if (process.env.TARO_ENV === 'h5' && typeof window !== 'undefined') {
    window.addEventListener('online', networkBack);
  }
  void flushQueue();
}
