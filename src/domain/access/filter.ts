/**
 * A database-neutral condition on one document (pure): the same value answers "may this person see
 * this document?" (`matches`) and becomes the database condition of a list (server/db/where.ts), so
 * a check and a query can never disagree.
 *
 * A filter is `all`, `none`, or any of several clauses; a clause holds when every one of its field
 * tests holds. Field names are dot paths into the stored document.
 */
export type FieldValue = string | number | boolean | null;

export type FieldTest =
  /** The field equals one of these (for an array field: one of its elements does), as MongoDB's `$in`. */
  | { readonly in: readonly FieldValue[] }
  /** The field equals this value (`null` also matches a missing field). */
  | { readonly eq: FieldValue }
  /** The field does not equal this value. */
  | { readonly ne: FieldValue };

export type Clause = { readonly [field: string]: FieldTest };

export type Filter = { readonly kind: 'all' } | { readonly kind: 'none' } | { readonly kind: 'any'; readonly of: readonly Clause[] };

export const allDocuments: Filter = { kind: 'all' };
export const noDocument: Filter = { kind: 'none' };

export const oneOf = (values: readonly FieldValue[]): FieldTest => ({ in: values });
export const equals = (value: FieldValue): FieldTest => ({ eq: value });
export const notEqual = (value: FieldValue): FieldTest => ({ ne: value });

/** Any of the filters (an empty list: no document). */
export function anyOf(filters: readonly Filter[]): Filter {
  if (filters.some((filter) => filter.kind === 'all')) return allDocuments;
  const clauses = filters.flatMap((filter) => (filter.kind === 'any' ? filter.of : []));
  return clauses.length === 0 ? noDocument : { kind: 'any', of: clauses };
}

/** Clauses whose `in` list is empty can hold for no document: they are dropped. */
export function clauses(of: readonly Clause[]): Filter {
  const live = of.filter((clause) => Object.values(clause).every((test) => !('in' in test) || test.in.length > 0));
  return live.length === 0 ? noDocument : { kind: 'any', of: live };
}

export function matches(filter: Filter, document: object): boolean {
  if (filter.kind === 'all') return true;
  if (filter.kind === 'none') return false;
  return filter.of.some((clause) => Object.entries(clause).every(([field, test]) => holds(test, valueAt(document, field))));
}

function holds(test: FieldTest, value: unknown): boolean {
  const values = Array.isArray(value) ? value : [value];
  if ('in' in test) return values.some((candidate) => test.in.some((allowed) => same(allowed, candidate)));
  if ('eq' in test) return values.some((candidate) => same(test.eq, candidate));
  return !values.some((candidate) => same(test.ne, candidate));
}

function same(expected: FieldValue, actual: unknown): boolean {
  return expected === null ? actual === null || actual === undefined : expected === actual;
}

function valueAt(document: object, path: string): unknown {
  let current: unknown = document;
  for (const key of path.split('.')) {
    if (typeof current !== 'object' || current === null || !Object.prototype.hasOwnProperty.call(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}
