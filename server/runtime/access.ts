import type { Filter } from '../../src/domain/access/filter';
import type { Rule, Subject } from '../../src/domain/access/policy';
import { can, filterFor, refusalReason, subjectOf } from '../../src/domain/access/policy';
import { whereWithin } from '../db/where';
import type { CloudDatabase } from './cloud';
import type { Caller } from './context';
import { fail } from './failure';

/**
 * How actions ask the one access policy (src/domain/access/policy.ts): about one document
 * (`requireAccess`, `allows`) or about a list (`accessWhere`). Never decide scope anywhere else.
 */
export function subjectOfCaller(caller: Pick<Caller, 'grants'>): Subject {
  return subjectOf(caller.grants);
}

export function allows<D extends object>(caller: Pick<Caller, 'grants'>, rule: Rule<D>, document: D): boolean {
  return can(subjectOfCaller(caller), rule, document);
}

/**
 * Fails with PENDING_APPROVAL when the policy says the caller is refused because their party
 * leadership (of this org, when given) still awaits approval; otherwise returns, and the caller's
 * own refusal follows.
 */
export function refuseIfAwaitingApproval(caller: Pick<Caller, 'grants' | 'personId'>, orgId: string | undefined, detail: string): void {
  if (refusalReason(caller.grants, orgId) === 'pendingApproval') fail('PENDING_APPROVAL', `person ${caller.personId} awaits approval as party leader: ${detail}`);
}

export interface Refusal {
  /** NOT_FOUND hides that the document exists (the default for reads); FORBIDDEN says it does. */
  readonly as?: 'NOT_FOUND' | 'FORBIDDEN';
  readonly userMessage?: string;
  readonly field?: string;
  /** The org the document belongs to: its party leader still awaiting approval is told PENDING_APPROVAL. */
  readonly orgId?: string;
}

/**
 * The document, when the caller may do what `rule` allows to it; otherwise the action fails
 * (a missing document fails as NOT_FOUND whatever `as` says).
 */
export function requireAccess<D extends object, T extends D>(caller: Pick<Caller, 'grants' | 'personId'>, rule: Rule<D>, document: T | undefined, refusal: Refusal = {}): T {
  if (document !== undefined && allows(caller, rule, document)) return document;
  if (document !== undefined && refusal.orgId !== undefined) refuseIfAwaitingApproval(caller, refusal.orgId, rule.name);
  const code = document === undefined ? 'NOT_FOUND' : (refusal.as ?? 'NOT_FOUND');
  return fail(code, `person ${caller.personId} refused ${rule.name}${document === undefined ? ' (missing)' : ''}`, {
    ...(refusal.userMessage !== undefined ? { userMessage: refusal.userMessage } : {}),
    ...(refusal.field !== undefined ? { field: refusal.field } : {}),
  });
}

/** The policy's filter for the caller. */
export function accessFilter<D extends object>(caller: Pick<Caller, 'grants'>, rule: Rule<D>): Filter {
  return filterFor(subjectOfCaller(caller), rule);
}

/** The database condition of a list the caller may read under `rule`, with the list's own conditions; null when nothing. */
export function accessWhere<D extends object>(db: CloudDatabase, caller: Pick<Caller, 'grants'>, rule: Rule<D>, ...conditions: readonly object[]): object | null {
  return whereWithin(db, accessFilter(caller, rule), ...conditions);
}
