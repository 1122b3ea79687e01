/**
 * Translates the indexable part of a query into an SQL condition over the
 * collection's expression indexes.
 *
 * The condition is a SUPERSET filter: every document mingo would match also
 * passes it (mingo then evaluates the full query exactly on the few rows), so
 * results are identical with or without indexes. Only these shapes are used:
 *   top-level (and $and / all-branches-indexable $or) conditions on `_id` or on
 *   an indexed path, with equality, $eq, $in, $gt, $gte, $lt, $lte on values
 *   whose type matches the indexed expression. Everything else is ignored.
 *
 * Why it is a superset:
 * - indexed paths never hold or pass through arrays (checkIndexedFields), so
 *   MongoDB's array-element matching cannot apply to them;
 * - json_extract yields NULL for missing and null, so `{f: null}` -> IS NULL;
 * - mingo compares ranges only within one type; SQLite's cross-type order only
 *   adds rows (booleans read as 0/1, text sorts after numbers), never drops any;
 * - SQLite compares text as UTF-8 bytes, JS as UTF-16 units; both orders agree
 *   against a bound without code units >= 0xD800, so other string bounds are
 *   not translated.
 */
import { fieldExpr } from './indexes';
import type { IndexedFieldKind } from './indexSpec';
import type { CollectionInfo } from './catalog';
import type { SqlCondition } from './store';
import { isPlainObject, type Doc } from './types';

export interface Built {
  readonly sql: string;
  readonly params: unknown[];
  /** True when some part can be served by an index (a leading field or _id). */
  readonly indexed: boolean;
}

export function buildPrefilter(info: CollectionInfo, query: Doc): SqlCondition | undefined {
  const built = conjunction(info, query);
  return built && built.indexed ? { sql: built.sql, params: built.params } : undefined;
}

/** The indexable part of `query` with whether an index serves it (undefined: nothing to filter on). */
export function queryCondition(info: CollectionInfo, query: Doc): Built | undefined {
  return conjunction(info, query);
}

/** All of `parts` (the undefined ones, unconstrained, left out). */
export function allOf(parts: ReadonlyArray<Built | undefined>): Built | undefined {
  const defined = parts.filter((part): part is Built => part !== undefined);
  if (defined.length === 0) return undefined;
  return { sql: defined.map((part) => `(${part.sql})`).join(' AND '), params: defined.flatMap((part) => part.params), indexed: defined.some((part) => part.indexed) };
}

/** Any of `parts`: unconstrained when one is; served by an index when every one is. */
export function anyOf(parts: ReadonlyArray<Built | undefined>): Built | undefined {
  if (parts.length === 0 || parts.some((part) => part === undefined)) return undefined;
  const defined = parts as readonly Built[];
  return { sql: defined.map((part) => `(${part.sql})`).join(' OR '), params: defined.flatMap((part) => part.params), indexed: defined.every((part) => part.indexed) };
}

/**
 * `op` ($eq, $in, $gt, $gte, $lt, $lte) of an indexed path (or `_id`) against `value`, as the query
 * `{ [path]: { [op]: value } }` filters it; undefined when it cannot be filtered on.
 */
export function indexedComparison(info: CollectionInfo, path: string, op: string, value: unknown): Built | undefined {
  if (path === '_id') return op === '$eq' ? idCondition(value) : undefined;
  const kind = info.fields.get(path);
  if (kind === undefined) return undefined;
  const part = operatorCondition(fieldExpr(path, kind), kind, op, value);
  return part ? { ...part, indexed: info.leadingFields.has(path) } : undefined;
}

function conjunction(info: CollectionInfo, query: Doc): Built | undefined {
  const parts: Built[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (key === '$and' && Array.isArray(value)) {
      for (const sub of value) {
        if (!isPlainObject(sub)) continue;
        const built = conjunction(info, sub);
        if (built) parts.push(built);
      }
    } else if (key === '$or' && Array.isArray(value)) {
      const built = disjunction(info, value);
      if (built) parts.push(built);
    } else if (key === '_id') {
      const built = idCondition(value);
      if (built) parts.push(built);
    } else if (!key.startsWith('$')) {
      const kind = info.fields.get(key);
      if (kind === undefined) continue;
      const built = fieldCondition(fieldExpr(key, kind), kind, value, info.leadingFields.has(key));
      if (built) parts.push(built);
    }
  }
  if (parts.length === 0) return undefined;
  return {
    sql: parts.map((part) => `(${part.sql})`).join(' AND '),
    params: parts.flatMap((part) => part.params),
    indexed: parts.some((part) => part.indexed),
  };
}

function disjunction(info: CollectionInfo, branches: unknown[]): Built | undefined {
  if (branches.length === 0) return undefined;
  const parts: Built[] = [];
  for (const branch of branches) {
    if (!isPlainObject(branch)) return undefined;
    const built = conjunction(info, branch);
    // One unconstrained branch makes the whole $or unconstrained.
    if (!built || !built.indexed) return undefined;
    parts.push(built);
  }
  return {
    sql: parts.map((part) => `(${part.sql})`).join(' OR '),
    params: parts.flatMap((part) => part.params),
    indexed: true,
  };
}

function idCondition(value: unknown): Built | undefined {
  if (typeof value === 'string') return { sql: '_id = ?', params: [value], indexed: true };
  if (!isOperatorObject(value)) return undefined;
  if (typeof value.$eq === 'string') return { sql: '_id = ?', params: [value.$eq], indexed: true };
  const list = value.$in;
  if (Array.isArray(list) && list.length > 0 && list.every((item) => typeof item === 'string')) return { ...inList('_id', list), indexed: true };
  return undefined;
}

/**
 * Lists longer than this are bound as one JSON array read by `json_each` instead of one parameter
 * per item: SQLite refuses more than 32,766 parameters, and every list length would otherwise be a
 * statement of its own in the store's cache. Only for values json_each gives back exactly: strings
 * without surrogate code units and safe integers.
 */
export const LONG_IN_LIST = 100;

function inList(expr: string, values: readonly unknown[]): { sql: string; params: unknown[] } {
  if (values.length > LONG_IN_LIST && values.every(isExactInJson)) return { sql: `${expr} IN (SELECT value FROM json_each(?))`, params: [JSON.stringify(values)] };
  return { sql: `${expr} IN (${values.map(() => '?').join(', ')})`, params: [...values] };
}

function isExactInJson(value: unknown): boolean {
  return typeof value === 'string' ? isOrderSafe(value) : Number.isSafeInteger(value);
}

function fieldCondition(expr: string, kind: IndexedFieldKind, value: unknown, leading: boolean): Built | undefined {
  const parts: { sql: string; params: unknown[] }[] = [];
  if (isOperatorObject(value)) {
    for (const [op, operand] of Object.entries(value)) {
      const part = operatorCondition(expr, kind, op, operand);
      if (part) parts.push(part);
    }
  } else {
    const part = equality(expr, kind, value);
    if (part) parts.push(part);
  }
  if (parts.length === 0) return undefined;
  return {
    sql: parts.map((part) => `(${part.sql})`).join(' AND '),
    params: parts.flatMap((part) => part.params),
    indexed: leading,
  };
}

function operatorCondition(
  expr: string,
  kind: IndexedFieldKind,
  op: string,
  operand: unknown,
): { sql: string; params: unknown[] } | undefined {
  switch (op) {
    case '$eq':
      return equality(expr, kind, operand);
    case '$in':
    case '$cloudIn': // $in as the local cloud evaluates it (cloudOperators.ts), the same semantics
      return membership(expr, kind, operand);
    case '$gt':
      return range(expr, kind, '>', operand);
    case '$gte':
      return range(expr, kind, '>=', operand);
    case '$lt':
      return range(expr, kind, '<', operand);
    case '$lte':
      return range(expr, kind, '<=', operand);
    default:
      return undefined;
  }
}

/** The SQL parameter a scalar compares as under the field's expression, if any. */
function sqlValue(kind: IndexedFieldKind, value: unknown): { ok: true; value: unknown } | { ok: false } {
  if (kind === 'date') {
    return value instanceof Date ? { ok: true, value: value.getTime() } : { ok: false };
  }
  if (typeof value === 'string') return { ok: true, value };
  // ±Infinity is stored as a wrapper object (codec.ts): no SQL number equals it.
  if (typeof value === 'number') return Number.isFinite(value) ? { ok: true, value } : { ok: false };
  if (typeof value === 'boolean') return { ok: true, value: value ? 1 : 0 };
  return { ok: false };
}

function equality(expr: string, kind: IndexedFieldKind, value: unknown): { sql: string; params: unknown[] } | undefined {
  if (value === null) return { sql: `${expr} IS NULL`, params: [] };
  const converted = sqlValue(kind, value);
  return converted.ok ? { sql: `${expr} = ?`, params: [converted.value] } : undefined;
}

function membership(expr: string, kind: IndexedFieldKind, list: unknown): { sql: string; params: unknown[] } | undefined {
  if (!Array.isArray(list) || list.length === 0) return undefined;
  const params: unknown[] = [];
  let withNull = false;
  for (const item of list) {
    if (item === null) {
      withNull = true;
      continue;
    }
    const converted = sqlValue(kind, item);
    if (!converted.ok) return undefined;
    params.push(converted.value);
  }
  const clauses: string[] = [];
  const bound: unknown[] = [];
  if (params.length > 0) {
    const part = inList(expr, params);
    clauses.push(part.sql);
    bound.push(...part.params);
  }
  if (withNull) clauses.push(`${expr} IS NULL`);
  return { sql: clauses.join(' OR '), params: bound };
}

function range(
  expr: string,
  kind: IndexedFieldKind,
  operator: string,
  bound: unknown,
): { sql: string; params: unknown[] } | undefined {
  if (typeof bound === 'boolean' || bound === null) return undefined;
  if (typeof bound === 'string' && !isOrderSafe(bound)) return undefined;
  const converted = sqlValue(kind, bound);
  return converted.ok ? { sql: `${expr} ${operator} ?`, params: [converted.value] } : undefined;
}

function isOrderSafe(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) if (text.charCodeAt(i) >= 0xd800) return false;
  return true;
}

function isOperatorObject(value: unknown): value is Doc {
  if (!isPlainObject(value)) return false;
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((key) => key.startsWith('$'));
}
