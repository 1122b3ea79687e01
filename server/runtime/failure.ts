import type { ErrorCode } from '../../src/contract/errors';

/**
 * An expected failure of an action: it reaches the caller as `{ ok: false, error }`
 * with the Chinese message of its code (or a more specific Chinese message).
 * `detail` is English, for logs only.
 */
export class ActionFailure extends Error {
  override readonly name = 'ActionFailure';

  constructor(
    readonly code: ErrorCode,
    readonly detail: string,
    readonly options: { readonly field?: string; readonly userMessage?: string } = {},
  ) {
    super(`${code}: ${detail}`);
  }
}

export function fail(code: ErrorCode, detail: string, options?: { field?: string; userMessage?: string }): never {
  throw new ActionFailure(code, detail, options);
}
