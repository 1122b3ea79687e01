import { errorMessages } from '../../src/contract/errors';
import type { ActionError } from '../../src/contract/errors';
import type { ActionResult } from '../../src/contract/result';
import { callerOpenid, getCloud } from './cloud';
import type { ActionContext, Caller } from './context';
import { platformNow } from './context';
import type { AnyAction } from './defineAction';
import { ActionFailure, fail } from './failure';
import { identify, requireJoined, requireRoles } from './identify';
import { parseInput } from './validation';
import { viewerOf } from './viewer';

export interface FunctionOptions {
  /** The clock; by default the platform's (the local cloud's when it stands elsewhere, see platformNow). */
  readonly now?: () => Date;
  /** Where unexpected errors are logged (English). */
  readonly log?: (message: string, error: unknown) => void;
}

/**
 * Turns a list of actions into a cloud function's `main(event, context)`:
 * validate the envelope and input, identify the caller from the WeChat context, check access,
 * run, and map every failure to `{ ok: false, error }`. Nothing unexpected leaks a stack trace.
 */
export function createFunction(actions: readonly AnyAction[], options: FunctionOptions = {}) {
  const byName = new Map(actions.map((action) => [action.name as string, action]));
  const log = options.log ?? ((message, error) => console.error(message, error));

  return async function main(event: unknown): Promise<ActionResult<unknown>> {
    const actionName = isRecord(event) && typeof event.action === 'string' ? event.action : undefined;
    try {
      const action = actionName !== undefined ? byName.get(actionName) : undefined;
      if (!action) fail('UNKNOWN_ACTION', `unknown action ${JSON.stringify(actionName ?? null)}`);
      const input = parseInput(action.input, isRecord(event) ? event.input : undefined);
      const cloud = getCloud();
      const openid = callerOpenid(cloud);
      const db = cloud.database();
      const caller = await resolveCaller(action, db, openid);
      const identifyCaller = () => (openid ? identify(db, openid) : Promise.resolve(null));
      const context: ActionContext & { caller: Caller | null; identifyCaller: () => Promise<Caller | null> } = { openid, now: options.now?.() ?? platformNow(cloud), db, cloud, caller, identifyCaller };
      const data = await action.run(context as ActionContext & { caller: Caller }, input);
      return isRecord(event) && event.viewer === true && caller ? { ok: true, data, viewer: viewerOf(caller) } : { ok: true, data };
    } catch (error) {
      return { ok: false, error: toActionError(error, actionName, log) };
    }
  };
}

async function resolveCaller(action: AnyAction, db: ActionContext['db'], openid: string | undefined): Promise<Caller | null> {
  if (action.access === 'anyone') return openid ? identify(db, openid) : null;
  if (action.access === 'anyoneInRun') return null;
  if (!openid) fail('UNAUTHENTICATED', 'no WeChat identity in context');
  if (action.access === 'openid') return null;
  const caller = requireJoined(await identify(db, openid), openid);
  // An org leader still awaiting approval is told so, not "no permission".
  if (action.access !== 'person') requireRoles(caller, action.access, action.name);
  return caller;
}

export function toActionError(error: unknown, actionName: string | undefined, log: (message: string, error: unknown) => void): ActionError {
  if (error instanceof ActionFailure) {
    return {
      code: error.code,
      message: error.options.userMessage ?? errorMessages[error.code],
      ...(error.options.field !== undefined ? { field: error.options.field } : {}),
    };
  }
  log(`[gongjian] action ${actionName ?? '(none)'} failed unexpectedly`, error);
  return { code: 'INTERNAL', message: errorMessages.INTERNAL };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
