/**
 * A `$lookup` with a sub-pipeline, read through an index for each joined document (issue 13).
 * mingo runs such a lookup over the whole foreign collection for every document; records.home's
 * `{$match: {$expr: {$and: [{$eq: ['$pairingId', '$$pairingId']}, …]}}}` thus read every record of
 * every pairing. Here, for each document, the `let` values are known, the sub-pipeline's leading
 * `$match` stages become an SQL superset filter (exprPrefilter.ts, prefilter.ts), and mingo runs the
 * unchanged `$lookup` stage on that document with only those foreign documents, in natural order:
 * the same answer, since every document the matches keep is among them.
 *
 * A `$sort` whose first key is an indexed string or date path, then a `$limit` n, reads less still:
 * only the candidates whose key is at or before the n-th key in SQL order (ties and nil keys
 * included), grown until n of them pass the matches. mingo's sort is stable and ordered first by
 * that key, and SQL orders such keys as mingo does against a bound without surrogate code units,
 * so every document of the true first n is among them.
 *
 * A document whose filter no index serves (a variable not known, a field not indexed) joins the
 * whole collection as before, as does a lookup whose sub-pipeline looks the same collection up again.
 */
import type { CollectionInfo } from './catalog';
import { expressionCondition } from './exprPrefilter';
import { allOf, queryCondition, type Built } from './prefilter';
import { fieldExpr } from './indexes';
import type { SqlCondition } from './store';
import { isPlainObject, type Doc } from './types';

/** What a sub-pipeline lookup reads from storage. */
export interface ForeignReader {
  info(name: string): CollectionInfo;
  /** The decoded documents passing `condition` (through an index), in natural order. */
  read(name: string, condition: SqlCondition): Doc[];
  /** The value of `expression` of the `offset`-th row passing `condition` whose value is not NULL, in SQL order; undefined when there are not that many. */
  nthValue(name: string, condition: SqlCondition, expression: string, descending: boolean, offset: number): unknown;
}

type Run = (input: Doc[], stages: Doc[], resolver: (name: string) => Doc[]) => Doc[];

/** The lookup's answer for `docs` (in their order), or undefined when no document's filter an index serves. */
export function lookupThroughIndex(docs: readonly Doc[], stage: Doc, lookup: Doc, resolve: (name: string) => Doc[], reader: ForeignReader, run: Run): Doc[] | undefined {
  const from = lookup.from;
  const pipeline = lookup.pipeline;
  if (typeof from !== 'string' || !Array.isArray(pipeline) || lookup.localField !== undefined || lookup.foreignField !== undefined) return undefined;
  const stages = pipeline.filter(isPlainObject);
  if (stages.length !== pipeline.length || looksUp(stages, from)) return undefined;
  const matchCount = stages.findIndex((inner) => !('$match' in inner) || !isPlainObject(inner.$match));
  const matches = stages.slice(0, matchCount === -1 ? stages.length : matchCount);
  if (matches.length === 0) return undefined;
  const info = reader.info(from);
  const window = windowOf(info, stages.slice(matches.length));
  const conditions = docs.map((doc) => {
    const variables = letValues(doc, lookup.let);
    const built = allOf(matches.map((inner) => matchCondition(info, inner.$match as Doc, variables)));
    return built?.indexed ? { sql: built.sql, params: built.params } : undefined;
  });
  if (conditions.every((condition) => condition === undefined)) return undefined;
  const joined = (doc: Doc, foreign: Doc[]) => run([doc], [stage], (name) => (name === from ? foreign : resolve(name)))[0]!;
  const out: Doc[] = new Array<Doc>(docs.length);
  const unserved: number[] = [];
  docs.forEach((doc, index) => {
    const condition = conditions[index];
    if (!condition) unserved.push(index);
    else out[index] = joined(doc, window ? windowed(doc, condition, window) : reader.read(from, condition));
  });
  if (unserved.length > 0) run(unserved.map((index) => docs[index]!), [stage], resolve).forEach((doc, position) => (out[unserved[position]!] = doc));
  return out;

  function windowed(doc: Doc, condition: SqlCondition, spec: Window): Doc[] {
    const probe: Doc = { $lookup: { ...lookup, pipeline: matches, as: '__matched' } };
    for (let wanted = spec.limit; ; wanted *= 4) {
      const bound = reader.nthValue(from as string, condition, spec.expression, spec.descending, wanted - 1);
      if (bound === undefined || (typeof bound === 'string' && /[\ud800-\udfff]/.test(bound))) return reader.read(from as string, condition);
      const within = { sql: `(${condition.sql}) AND (${spec.expression} ${spec.descending ? '>=' : '<='} ? OR ${spec.expression} IS NULL)`, params: [...condition.params, bound] };
      const candidates = reader.read(from as string, within);
      const matched = run([doc], [probe], (name) => (name === from ? candidates : resolve(name)))[0]!.__matched as Doc[];
      if (matched.filter((found) => spec.keyed(found)).length >= spec.limit) return candidates;
    }
  }
}

interface Window {
  readonly expression: string;
  readonly descending: boolean;
  readonly limit: number;
  /** Whether a document's key is a value SQL orders (not nil). */
  readonly keyed: (doc: Doc) => boolean;
}

/** `$sort` by an indexed string or date path first, then `$limit`: the part of the candidates that can hold the answer. */
function windowOf(info: CollectionInfo, rest: readonly Doc[]): Window | undefined {
  const [sort, limit] = rest;
  if (!sort || !limit || !isPlainObject(sort.$sort) || typeof limit.$limit !== 'number') return undefined;
  const n = limit.$limit;
  const first = Object.entries(sort.$sort)[0];
  if (!Number.isSafeInteger(n) || n < 1 || !first || (first[1] !== 1 && first[1] !== -1)) return undefined;
  const [path, direction] = first;
  const kind = info.fields.get(path);
  if (kind !== 'string' && kind !== 'date') return undefined;
  const keyed = (doc: Doc) => {
    const value = valueAt(doc, path);
    return kind === 'string' ? typeof value === 'string' : value instanceof Date && !Number.isNaN(value.getTime());
  };
  return { expression: fieldExpr(path, kind), descending: direction === -1, limit: n, keyed };
}

/** Whether a `$lookup` among `stages` (nested ones included) reads `name`. */
function looksUp(stages: readonly unknown[], name: string): boolean {
  return stages.some((inner) => {
    const body = isPlainObject(inner) ? inner.$lookup : undefined;
    return isPlainObject(body) && (body.from === name || (Array.isArray(body.pipeline) && looksUp(body.pipeline, name)));
  });
}

/** The match's SQL superset filter with the let values known. */
function matchCondition(info: CollectionInfo, match: Doc, variables: ReadonlyMap<string, unknown>): Built | undefined {
  const parts: Array<Built | undefined> = [];
  const rest: Doc = {};
  for (const [key, value] of Object.entries(match)) {
    if (key === '$expr') parts.push(expressionCondition(info, value, variables));
    else if (key === '$and' && Array.isArray(value)) parts.push(...value.map((branch) => (isPlainObject(branch) ? matchCondition(info, branch, variables) : undefined)));
    else rest[key] = value;
  }
  parts.push(queryCondition(info, rest));
  return allOf(parts);
}

/**
 * The let values that are plain: constants, and `'$path'` references through objects (as mingo
 * resolves them when no array is on the way). Others are left out: their conditions do not filter.
 */
function letValues(doc: Doc, spec: unknown): Map<string, unknown> {
  const values = new Map<string, unknown>();
  if (!isPlainObject(spec)) return values;
  for (const [name, expr] of Object.entries(spec)) {
    if (typeof expr === 'string' && expr.startsWith('$')) {
      if (expr.startsWith('$$')) continue;
      const value = plainValueAt(doc, expr.slice(1));
      if (value.known) values.set(name, value.value);
    } else if (expr === null || typeof expr === 'string' || typeof expr === 'number' || typeof expr === 'boolean') values.set(name, expr);
  }
  return values;
}

function plainValueAt(doc: Doc, path: string): { known: true; value: unknown } | { known: false } {
  let current: unknown = doc;
  for (const segment of path.split('.')) {
    if (Array.isArray(current)) return { known: false };
    if (!isPlainObject(current)) return { known: true, value: undefined };
    current = Object.prototype.hasOwnProperty.call(current, segment) ? current[segment] : undefined;
  }
  return Array.isArray(current) ? { known: false } : { known: true, value: current };
}

function valueAt(doc: Doc, path: string): unknown {
  const value = plainValueAt(doc, path);
  return value.known ? value.value : undefined;
}
