import type { ActionError } from '../../contract/errors';
import { errorMessages } from '../../contract/errors';
import type { ActionResult } from '../../contract/result';
import type { Grant } from '../../contract/people';
import type { Subject } from '../../domain/access/policy';
import { isOffice, subjectOf } from '../../domain/access/policy';
import { needsSignIn } from '../../client/signIn';
import { isOfficeRole } from '../../components/roles';

/** The caller of an office page, as its first answer told. */
export interface OfficeViewer {
  /** The caller's street and district office grants (their names head chips and titles). */
  readonly grants: readonly Grant[];
  /** The caller as the access policy sees them (`subject.district`, `subject.streetIds`). */
  readonly subject: Subject;
}

/** What an office page shows before its own content: still waiting, a failure to retry, or the calm "not for you". */
export type OfficeWaiting = { readonly status: 'loading' } | { readonly status: 'error'; readonly error: ActionError } | { readonly status: 'notOffice'; readonly reason?: string };

export type OfficeAccess = OfficeWaiting | { readonly status: 'office'; readonly viewer: OfficeViewer };

/**
 * What the answer to a page's first call (made with `viewer: true`) says about the caller. The office
 * actions refuse everyone else (FORBIDDEN), and those open to any person answer with a viewer who holds
 * no office grant: both are "not an office". In weapp UNAUTHENTICATED means the WeChat user has not
 * joined yet, which is not an office either; in h5 it sends them to the demo sign-in (`needsSignIn`).
 */
export function accessFrom(result: ActionResult<unknown>): OfficeAccess {
  if (result.ok) {
    const grants = result.viewer?.grants ?? [];
    const subject = subjectOf(grants);
    return isOffice(subject) ? { status: 'office', viewer: { grants: grants.filter((grant) => isOfficeRole(grant.role)), subject } } : { status: 'notOffice' };
  }
  const { error } = result;
  if (error.code === 'FORBIDDEN') return error.message === errorMessages.FORBIDDEN ? { status: 'notOffice' } : { status: 'notOffice', reason: error.message };
  if (error.code === 'UNAUTHENTICATED' && !needsSignIn(error)) return { status: 'notOffice' };
  return { status: 'error', error };
}
