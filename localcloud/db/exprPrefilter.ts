/**
 * The indexable part of an aggregation `$expr`, once the `let` variables of a `$lookup` are known:
 * `{$eq: ['$pairingId', '$$pairingId']}` with `pairingId = 'p1'` filters as `pairingId = 'p1'`.
 * A SUPERSET filter like prefilter.ts (mingo then evaluates the whole `$match` on what it returns),
 * for mingo 7.2's expression semantics, which differ from the query language's:
 * - `$eq` is true for equal values, for two nil (null or missing) values, and when the left value is
 *   an array holding the right one; on an indexed path (a scalar of its kind, null or missing, never
 *   an array: indexes.ts) it is the query's equality, a nil value `IS NULL`. On a top-level field
 *   that is not indexed, a string, finite number or boolean is compared in SQL too, any array let
 *   through: `(f = ? OR json_type(f) = 'array')` (not served by an index; it spares decoding);
 * - `$gt`, `$gte`, `$lt`, `$lte` compare only values of the same type (null and missing never
 *   match a string, number or date): the query's ranges, on indexed paths only;
 * - `$in` with a literal list (or a variable holding one) is the query's `$in`;
 * - `$and`, `$or` combine them; anything else (another operator, a field compared with a field,
 *   a variable not known, a string with surrogate code units) does not filter.
 */
import type { CollectionInfo } from './catalog';
import { allOf, anyOf, indexedComparison, type Built } from './prefilter';
import { isPlainObject } from './types';

const FLIPPED: Readonly<Record<string, string>> = { $eq: '$eq', $gt: '$lt', $gte: '$lte', $lt: '$gt', $lte: '$gte' };
const SYSTEM_VARIABLES = new Set(['ROOT', 'CURRENT', 'NOW', 'REMOVE', 'CLUSTER_TIME']);
const TOP_LEVEL_FIELD = /^[A-Za-z0-9_]+$/;

/** The SQL superset of the documents for which `expr` is truthy, `variables` holding the let values. */
export function expressionCondition(info: CollectionInfo, expr: unknown, variables: ReadonlyMap<string, unknown>): Built | undefined {
  if (!isPlainObject(expr)) return undefined;
  const keys = Object.keys(expr);
  if (keys.length !== 1) return undefined;
  const op = keys[0]!;
  const args = expr[op];
  if (!Array.isArray(args)) return undefined;
  if (op === '$and') return allOf(args.map((arg) => expressionCondition(info, arg, variables)));
  if (op === '$or') return anyOf(args.map((arg) => expressionCondition(info, arg, variables)));
  if (args.length !== 2) return undefined;
  if (op === '$in') return membership(info, args[0], args[1], variables);
  const flipped = FLIPPED[op];
  if (flipped === undefined) return undefined;
  const [left, right] = args as [unknown, unknown];
  const leftPath = fieldPath(left);
  const rightPath = fieldPath(right);
  if (leftPath !== undefined && rightPath === undefined) return comparison(info, leftPath, op, operand(right, variables), true);
  if (rightPath !== undefined && leftPath === undefined) return comparison(info, rightPath, flipped, operand(left, variables), false);
  return undefined;
}

type Operand = { readonly value: unknown } | undefined;

function comparison(info: CollectionInfo, path: string, op: string, value: Operand, fieldOnLeft: boolean): Built | undefined {
  if (!value || !filterable(value.value)) return undefined;
  // A missing variable is nil like null: `$eq` of two nil values is true.
  const bound = op === '$eq' && value.value === undefined ? null : value.value;
  if (path === '_id' || info.fields.has(path)) return indexedComparison(info, path, op, bound);
  // Not indexed: may hold anything, arrays included ($eq is true for an array holding the value on its left).
  if (op !== '$eq' || !TOP_LEVEL_FIELD.test(path) || !fieldOnLeft) return undefined;
  if (!(typeof bound === 'string' || (typeof bound === 'number' && Number.isFinite(bound)) || typeof bound === 'boolean')) return undefined;
  const json = `'$."${path}"'`;
  return { sql: `json_extract(data, ${json}) = ? OR json_type(data, ${json}) = 'array'`, params: [typeof bound === 'boolean' ? (bound ? 1 : 0) : bound], indexed: false };
}

function membership(info: CollectionInfo, item: unknown, list: unknown, variables: ReadonlyMap<string, unknown>): Built | undefined {
  const path = fieldPath(item);
  if (path === undefined || path === '_id' || !info.fields.has(path)) return undefined;
  const values = Array.isArray(list) ? list.map((element) => operand(element, new Map())) : [operand(list, variables)];
  if (values.some((value) => value === undefined)) return undefined;
  const resolved = Array.isArray(list) ? values.map((value) => value!.value) : values[0]!.value;
  if (!Array.isArray(resolved) || !resolved.every(filterable)) return undefined;
  return indexedComparison(info, path, '$in', resolved);
}

/** The path a `'$path'` field reference names (undefined for anything else). */
function fieldPath(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value.startsWith('$') || value.startsWith('$$') || value.length < 2) return undefined;
  return value.slice(1);
}

/** The value of a constant or a known `$$variable`; undefined when only the lookup itself can know it. */
function operand(value: unknown, variables: ReadonlyMap<string, unknown>): Operand {
  if (typeof value === 'string') {
    if (value.startsWith('$$')) {
      const name = value.slice(2);
      return !SYSTEM_VARIABLES.has(name) && variables.has(name) ? { value: variables.get(name) } : undefined;
    }
    return value.startsWith('$') ? undefined : { value };
  }
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return { value };
  if (isPlainObject(value) && Object.keys(value).length === 1 && '$literal' in value) return { value: value.$literal };
  return undefined;
}

/** Values SQL compares as mingo does: no strings with surrogate code units (UTF-8 and UTF-16 orders differ). */
function filterable(value: unknown): boolean {
  if (typeof value === 'string') return !/[\ud800-\udfff]/.test(value);
  return true;
}
