import { AsyncLocalStorage } from 'node:async_hooks';

/** What `cloud.getWXContext()` answers inside a function call (the subset WeChat documents). */
export interface WXContext {
  readonly OPENID?: string;
  readonly APPID?: string;
  readonly UNIONID?: string;
  readonly ENV: string;
  readonly SOURCE: string;
}

const storage = new AsyncLocalStorage<WXContext>();

/** Run `work` as one request: every `getWXContext()` inside it, however interleaved, sees `context`. */
export function runWithContext<T>(context: WXContext, work: () => Promise<T>): Promise<T> {
  return storage.run(context, work);
}

/** Outside any request (a plain script), the context is empty, as outside WeChat. */
export function currentContext(): WXContext | Record<string, never> {
  return storage.getStore() ?? {};
}
