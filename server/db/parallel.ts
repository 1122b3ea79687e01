/**
 * WeChat's basic environment answers at most 20 database requests at once (云开发资源配额, 同时连接数);
 * requests beyond are refused (-501004), and the local cloud refuses them too. A function sending many
 * requests together sends at most this many at a time, so that two such batches side by side (two
 * years of the ledger, say) and a few reads beside them still fit.
 */
export const PARALLEL_REQUESTS = 8;

/**
 * The environment's concurrent database connections; one invocation with nothing else in flight may
 * use half. The local cloud enforces the same quota on its own (localcloud/limits.ts, which does not
 * import the server).
 */
export const DATABASE_CONNECTIONS = 20;

/**
 * `work` for every item, at most `limit` running at once, the answers in the items' order. Each
 * request waits only for a free place, not for a whole wave: n items take ⌈n / limit⌉ round trips.
 * The first failure rejects; no further item is started after it.
 */
export async function eachAtMost<T, R>(items: readonly T[], work: (item: T, index: number) => Promise<R>, limit: number = PARALLEL_REQUESTS): Promise<R[]> {
  const answers = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    while (next < items.length && !failed) {
      const index = next;
      next += 1;
      try {
        answers[index] = await work(items[index]!, index);
      } catch (error) {
        // Nothing more is started once one fails; those already sent finish, the first failure is answered.
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return answers;
}
