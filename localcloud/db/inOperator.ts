/**
 * db.command.in / nin with the list hashed once per query instead of once per document.
 *
 * mingo's own `$in` intersects the field's values with the whole list for every document it tests
 * (a fresh HashMap of the list each time), so a query with a list of n ids over m documents costs
 * n × m. These operators keep mingo's exact semantics (mingo/operators/_predicates `$in`):
 * - a missing or null field matches when the list holds `null`;
 * - otherwise the field's value, or each element of an array value, is looked up in the list with
 *   mingo's HashMap (SameValueZero for scalars, so 1 ≠ '1' and NaN = NaN; deep equality for dates,
 *   arrays and objects), an empty array matching nothing;
 * - a string value also matches a RegExp in the list;
 * `$nin` is its negation. A list that is not an array goes to mingo's own operator (and its error).
 * Queries are rewritten to `$cloudIn` / `$cloudNin` (cloudOperators.ts).
 */
import type { Options } from 'mingo/types';
import { $in as mingoIn, $nin as mingoNin } from 'mingo/operators/query/comparison';
import { ensureArray, HashMap, isNil, isRegExp, resolve } from 'mingo/util';
import type { Doc } from './types';

type Membership = (found: unknown) => boolean;

/** The test of one field value against `list`, with the list hashed once. */
export function membership(list: readonly unknown[]): Membership {
  const withNull = list.some((item) => item === null);
  const members = HashMap.init<unknown, true>();
  for (const item of list) members.set(item, true);
  const patterns = list.filter(isRegExp);
  return (found) => {
    if (isNil(found)) return withNull;
    const values = ensureArray(found);
    for (const value of values) if (members.has(value)) return true;
    return patterns.length > 0 && values.some((value) => typeof value === 'string' && patterns.some((pattern) => pattern.test(value)));
  };
}

const RESOLVE = { unwrapArray: true } as const;

export function cloudIn(selector: string, value: unknown, options: Options): (doc: unknown) => boolean {
  if (!Array.isArray(value)) return mingoIn(selector, value, options) as (doc: unknown) => boolean;
  const test = membership(value);
  return (doc) => test(resolve(doc as Doc, selector, RESOLVE));
}

export function cloudNin(selector: string, value: unknown, options: Options): (doc: unknown) => boolean {
  if (!Array.isArray(value)) return mingoNin(selector, value, options) as (doc: unknown) => boolean;
  const test = membership(value);
  return (doc) => !test(resolve(doc as Doc, selector, RESOLVE));
}
