/**
 * WeChat's worst latencies a cloud function has to live with, as used to size each function's
 * timeout (functions.ts) and each long job's work per run (the reminder timers, the import commit).
 * Round trips from a cloud function to the database cost 20–80 ms in WeChat; an openapi call
 * (subscribeMessage.send, wxacode.getUnlimited) is slower. We plan with the slow end.
 */
export const DB_REQUEST_WORST_MS = 80;
export const OPENAPI_CALL_WORST_MS = 200;

/** Modelled duration of work made of `rounds` sequential steps (parallel requests inside a step count once). */
export function modelledMs(work: { readonly dbRounds: number; readonly openapiRounds: number }): number {
  return work.dbRounds * DB_REQUEST_WORST_MS + work.openapiRounds * OPENAPI_CALL_WORST_MS;
}
