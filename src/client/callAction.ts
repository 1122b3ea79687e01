import Taro from '@tarojs/taro';
import { functionOf, type ActionInput, type ActionName, type ActionOutput } from '../contract/actions';
import type { ActionResult } from '../contract/result';
import { failure, networkFailureMessage, toActionResult } from './envelope';

/**
 * Calls one cloud action. Same contract and same error shape in both targets:
 * weapp goes through wx.cloud, h5 through the local cloud's HTTP endpoint.
 * Never throws: every failure comes back as `{ ok: false, error }`.
 */
export function callAction<K extends ActionName>(
  action: K,
  input: ActionInput<K>,
  options: CallOptions = {},
): Promise<ActionResult<ActionOutput<K>>> {
  return transport<ActionOutput<K>>(options.viewer ? { action, input, viewer: true } : { action, input });
}

export interface CallOptions {
  /** Also answer who the caller is (`result.viewer`), saving a `session.whoami` round trip. */
  readonly viewer?: boolean;
}

interface Envelope {
  readonly action: string;
  readonly input: unknown;
  readonly viewer?: true;
}

type Transport = <T>(event: Envelope) => Promise<ActionResult<T>>;

// `process.env.TARO_ENV` is replaced at build time, so the minifier keeps only one transport per build.
// Tests switch targets at run time, hence the function rather than a constant.
function transport<T>(event: Envelope): Promise<ActionResult<T>> {
  const chosen: Transport = process.env.TARO_ENV === 'weapp' ? callCloudFunction : callHttp;
  return chosen<T>(event);
}

let cloudReady = false;

/** Initialises wx.cloud once (weapp only); called at app launch and before the first call. */
export function initCloud(): void {
  if (process.env.TARO_ENV !== 'weapp' || cloudReady) return;
  Taro.cloud.init(CLOUD_ENV ? { env: CLOUD_ENV, traceUser: false } : { traceUser: false });
  cloudReady = true;
}

async function callCloudFunction<T>(event: Envelope): Promise<ActionResult<T>> {
  try {
    initCloud();
    const res = await Taro.cloud.callFunction({ name: functionOf(event.action), data: event });
    return toActionResult<T>(res.result);
  } catch {
    // wx.cloud rejects on network failures and on function crashes alike.
    return failure('INTERNAL');
  }
}

async function callHttp<T>(event: Envelope): Promise<ActionResult<T>> {
  let res: Response;
  try {
    res = await fetch('/api/call', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify(event),
    });
  } catch {
    return failure('INTERNAL', networkFailureMessage);
  }
  try {
    // Expected errors and 4xx/5xx answers alike carry an ActionResult body.
    return toActionResult<T>(await res.json());
  } catch {
    return failure('INTERNAL');
  }
}
