import type { ActionInput, ActionName, ActionOutput } from '../contract/actions';
import type { ActionResult } from '../contract/result';
import { callAction } from './callAction';
import { failure, networkFailureMessage } from './envelope';

export interface RetryOptions {
  /** Tries in all (the first call included). */
  readonly attempts?: number;
  /** How long one try may take before it counts as lost. */
  readonly timeoutMs?: number;
  /** A timer resolving after `ms`, cancellable (tests pass their own, so no test waits for a real clock). */
  readonly timer?: (ms: number) => Timer;
  /** Pause before a retry, by try number (1 = before the second try). */
  readonly backoffMs?: (retry: number) => number;
  readonly call?: <K extends ActionName>(action: K, input: ActionInput<K>) => Promise<ActionResult<ActionOutput<K>>>;
}

export interface Timer {
  readonly done: Promise<void>;
  cancel(): void;
}

function realTimer(ms: number): Timer {
  let handle: ReturnType<typeof setTimeout> | undefined;
  const done = new Promise<void>((resolve) => {
    handle = setTimeout(resolve, ms);
  });
  return { done, cancel: () => clearTimeout(handle) };
}

/**
 * Calls an idempotent action, sending the very same input again when a try is lost: no answer
 * within the timeout, the network failed, or the server was busy (INTERNAL, RATE_LIMITED). Only for
 * actions whose input names the attempt (e.g. a submission token), so a re-send cannot count twice.
 */
export async function callWithRetry<K extends ActionName>(action: K, input: ActionInput<K>, options: RetryOptions = {}): Promise<ActionResult<ActionOutput<K>>> {
  const attempts = options.attempts ?? 3;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const timer = options.timer ?? realTimer;
  const backoffMs = options.backoffMs ?? ((retry: number) => 500 * retry);
  const call = options.call ?? callAction;
  let last: ActionResult<ActionOutput<K>> = failure('INTERNAL', networkFailureMessage);
  for (let attempt = 1; attempt <= attempts; attempt += 1) {
    if (attempt > 1) await timer(backoffMs(attempt - 1)).done;
    const timeout = timer(timeoutMs);
    const lost = timeout.done.then(() => failure('INTERNAL', networkFailureMessage));
    last = await Promise.race([call(action, input), lost]);
    timeout.cancel();
    if (last.ok || !isWorthRetrying(last.error.code)) return last;
  }
  return last;
}

function isWorthRetrying(code: string): boolean {
  return code === 'INTERNAL' || code === 'RATE_LIMITED';
}

/** A random token naming one submission (22 URL-safe characters), the same on every re-send of it. */
export function newSubmissionToken(random: () => number = secureRandom): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  return Array.from({ length: 22 }, () => alphabet[Math.floor(random() * 64) % 64]).join('');
}

function secureRandom(): number {
  const crypto = (globalThis as { crypto?: { getRandomValues?: (array: Uint32Array) => Uint32Array } }).crypto;
  if (crypto?.getRandomValues) return crypto.getRandomValues(new Uint32Array(1))[0]! / 2 ** 32;
  // The mini-program's JavaScript has no Web Crypto: the token need only differ between submissions.
  return Math.random();
}
