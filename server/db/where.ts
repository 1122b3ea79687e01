import type { Clause, FieldTest, Filter } from '../../src/domain/access/filter';
import type { CloudDatabase } from '../runtime/cloud';

/**
 * The database condition of a policy filter (src/domain/access/filter.ts): the list a person may
 * read is exactly the documents `matches` lets them see. `null` means no document at all (skip the query).
 */
export function whereOf(db: CloudDatabase, filter: Filter): object | null {
  if (filter.kind === 'all') return {};
  if (filter.kind === 'none') return null;
  const branches = filter.of.map((clause) => clauseOf(db, clause));
  return branches.length === 1 ? branches[0]! : db.command.or(branches);
}

/** Both conditions (a policy filter and the list's own); `null` when the policy allows nothing. */
export function whereWithin(db: CloudDatabase, filter: Filter, ...conditions: readonly object[]): object | null {
  const scope = whereOf(db, filter);
  if (scope === null) return null;
  const all = [scope, ...conditions].filter((condition) => !isEmptyCondition(condition));
  return all.length === 0 ? {} : all.length === 1 ? all[0]! : db.command.and(all);
}

function clauseOf(db: CloudDatabase, clause: Clause): object {
  return Object.fromEntries(Object.entries(clause).map(([field, test]) => [field, testOf(db, test)]));
}

function testOf(db: CloudDatabase, test: FieldTest): unknown {
  const _ = db.command;
  if ('in' in test) return _.in([...test.in]);
  if ('eq' in test) return _.eq(test.eq);
  return _.neq(test.ne);
}

/** `{}` (every document); SDK commands such as `_.or(...)` are class instances and never empty. */
function isEmptyCondition(condition: object): boolean {
  return Object.getPrototypeOf(condition) === Object.prototype && Object.keys(condition).length === 0;
}
