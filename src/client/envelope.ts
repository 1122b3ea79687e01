import { errorMessages, isErrorCode, type ActionError, type ErrorCode } from '../contract/errors';
import type { ActionResult } from '../contract/result';
import type { PersonView } from '../contract/session';

/** Shown when the request never reached the server or its answer never came back. */
export const networkFailureMessage = '网络连接失败，请检查网络后重试';

export function failure(code: ErrorCode, message: string = errorMessages[code]): { ok: false; error: ActionError } {
  return { ok: false, error: { code, message } };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Turns whatever a transport answered into an ActionResult.
 * Anything that is not the envelope becomes INTERNAL; an unknown error code becomes INTERNAL too,
 * so pages only ever see codes from the contract.
 */
export function toActionResult<T>(raw: unknown): ActionResult<T> {
  if (!isRecord(raw)) return failure('INTERNAL');
  if (raw['ok'] === true && 'data' in raw) {
    return isRecord(raw['viewer']) ? { ok: true, data: raw['data'] as T, viewer: raw['viewer'] as unknown as PersonView } : { ok: true, data: raw['data'] as T };
  }
  if (raw['ok'] === false && isRecord(raw['error'])) {
    const { code, message, field } = raw['error'];
    if (!isErrorCode(code)) return failure('INTERNAL');
    const text = typeof message === 'string' && message !== '' ? message : errorMessages[code];
    return {
      ok: false,
      error: typeof field === 'string' ? { code, message: text, field } : { code, message: text },
    };
  }
  return failure('INTERNAL');
}
