import { AsyncLocalStorage } from 'node:async_hooks';
import { concurrentRequestLimit } from './db/errors';
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
  /**
   * Database round trips in sequence: the longest chain of requests each sent after the one before it
   * was answered (requests sent together, e.g. in one `Promise.all`, count once). What the person
   * waits for on WeChat is this many times 20–80 ms.
   */
  dbRoundTrips: number;
  /** The most database requests this invocation had waiting for an answer at one time. */
  dbMostInFlight: number;
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
  /** Database requests sent and not yet answered. */
  inFlight: number;
  /** The deepest place in the sequence among the requests answered so far. */
  answeredDepth: number;
}

const running = new AsyncLocalStorage<Running>();

/** A promise that never settles: what a stopped function waits on forever. */
export function never(): Promise<never> {
  return new Promise<never>(() => undefined);
}

export function runAccounted<T>(account: InvocationAccount, expire: () => void, work: () => Promise<T>): Promise<T> {
  return running.run({ account, expire, inFlight: 0, answeredDepth: 0 }, work);
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

/**
 * A database request of the running invocation leaves: it takes the next place after the deepest
 * request already answered (so requests sent together share a place), and one of the environment's
 * concurrent connections. More than `connections` at once is refused, as WeChat refuses connections
 * beyond its quota. Answers the request's landing, to be awaited once the database answered: it hands
 * the answer back on a later turn of the event loop, so requests sent in the same turn as this one
 * still leave before it lands, as they would over a network.
 */
export function sendDatabaseRequest(connections: number | null): (() => Promise<void>) | undefined {
  const current = running.getStore();
  if (!current) return undefined;
  if (connections !== null && current.inFlight >= connections) throw concurrentRequestLimit(`more than ${connections} database requests at once in one invocation of ${current.account.functionName} (the environment allows ${connections} concurrent connections)`);
  const depth = current.answeredDepth + 1;
  current.inFlight += 1;
  const { account } = current;
  account.dbRoundTrips = Math.max(account.dbRoundTrips, depth);
  account.dbMostInFlight = Math.max(account.dbMostInFlight, current.inFlight);
  return async () => {
    await new Promise<void>((resolve) => setImmediate(resolve));
    current.inFlight -= 1;
    current.answeredDepth = Math.max(current.answeredDepth, depth);
  };
}
