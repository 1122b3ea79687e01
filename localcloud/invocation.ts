import { AsyncLocalStorage } from 'node:async_hooks';
import type { LatencyModel } from './limits';

/** What one function invocation cost under the latency model (figures for tests and the bench). */
export interface InvocationAccount {
  readonly functionName: string;
  /** The function's timeout (config.json `timeout`, 3 s when none), in ms. */
  readonly timeoutMs: number;
  dbRequests: number;
  openapiCalls: number;
  storageCalls: number;
  /** Σ modelled latency of every request so far (the virtual clock of this invocation). */
  modelledMs: number;
  /** Set once the modelled time passed the timeout: WeChat has stopped the function. */
  timedOut: boolean;
}

export type RequestKind = 'database' | 'openapi' | 'storage';

export class FunctionTimeoutError extends Error {
  readonly errCode = -504003;
  readonly errMsg: string;

  constructor(readonly account: InvocationAccount) {
    const message = `Invoking task timed out after ${account.timeoutMs / 1000} seconds (function ${account.functionName}: ${account.dbRequests} database requests, ${account.openapiCalls + account.storageCalls} API calls, ${Math.round(account.modelledMs)} ms modelled)`;
    super(`errCode: -504003 | errMsg: ${message}`);
    this.errMsg = message;
  }
}

interface Running {
  readonly account: InvocationAccount;
  /** Called when the account first passes its timeout. */
  readonly expire: () => void;
}

const running = new AsyncLocalStorage<Running>();

/** A promise that never settles: what a stopped function waits on forever. */
export function never(): Promise<never> {
  return new Promise<never>(() => undefined);
}

export function runAccounted<T>(account: InvocationAccount, expire: () => void, work: () => Promise<T>): Promise<T> {
  return running.run({ account, expire }, work);
}

/** The invocation the current code runs in, if any (a plain script runs in none). */
export function currentAccount(): InvocationAccount | undefined {
  return running.getStore()?.account;
}

/** The answer to a request of a function WeChat has stopped: it never settles, so nothing after it runs. */
export const STOPPED = 'stopped';

/**
 * Charge one request to the current invocation: its modelled cost in ms, or `STOPPED` when the
 * invocation is past its timeout. The request that crosses the timeout ends the invocation with the
 * timeout error; it and every later request of the function must then never be answered (WeChat stops
 * the function: nothing after the timeout happens, not even its error handling).
 */
export function charge(kind: RequestKind, latency: LatencyModel, enforceTimeout: boolean): number | typeof STOPPED {
  const current = running.getStore();
  if (!current) return 0;
  const { account } = current;
  if (account.timedOut) return STOPPED;
  const cost = kind === 'database' ? latency.databaseMs : latency.openapiMs;
  if (kind === 'database') account.dbRequests += 1;
  else if (kind === 'openapi') account.openapiCalls += 1;
  else account.storageCalls += 1;
  account.modelledMs += cost;
  if (enforceTimeout && account.modelledMs > account.timeoutMs) {
    account.timedOut = true;
    current.expire();
    return STOPPED;
  }
  return cost;
}
