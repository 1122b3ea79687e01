import { DB_REQUEST_WORST_MS, OPENAPI_CALL_WORST_MS } from '../deploy/latency';

/** How much a reminder run may do before it must stop and leave the rest to the next run. */
export interface RunBudget {
  /** Sends in flight at once: WeChat's send rate limits stay far away (about 50 a second at worst latency). */
  readonly concurrency: number;
  /** Sending waves per run. */
  readonly maxWaves: number;
}

export const SEND_CONCURRENCY = 10;
/** Database requests a run makes before its first wave at district scale (progress, the due work, the ledger), with room to spare. */
export const READ_REQUESTS_RESERVE = 40;
/** Requests of one wave, counted as if sequential: the sends (parallel, one round) and two database writes (ledger, progress). */
export const WAVE_MS = OPENAPI_CALL_WORST_MS + 2 * DB_REQUEST_WORST_MS;
/** A run keeps this share of its function's timeout as headroom (cold start, slow requests). */
const WORK_SHARE = 0.75;

/** The budget of one run of a function with this timeout, under WeChat's worst latency (deploy/latency.ts). */
export function runBudgetFor(timeoutSeconds: number): RunBudget {
  const workMs = timeoutSeconds * 1000 * WORK_SHARE - READ_REQUESTS_RESERVE * DB_REQUEST_WORST_MS;
  return { concurrency: SEND_CONCURRENCY, maxWaves: Math.max(1, Math.floor(workMs / WAVE_MS)) };
}
