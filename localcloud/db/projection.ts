/**
 * The common `$project` stage without mingo: an inclusion of top-level fields (`{a: 1, b: true}`,
 * `_id` kept or dropped). mingo evaluates every projection as an expression graph, about 150 µs a
 * document for ten fields, which made a 40,000-record pipeline spend seconds projecting.
 *
 * The answer is exactly mingo's (tests/localcloud/projection.test.ts compares them on random
 * documents): the listed fields the document has, in the projection's order, then `_id` unless
 * excluded; values are shared, not copied. Anything else (paths, expressions, exclusions) is
 * answered undefined and left to mingo.
 */
import { isPlainObject, type Doc } from './types';

export interface SimpleProjection {
  /** The included fields in mingo's order (sorted). */
  readonly fields: readonly string[];
  /** `_id` added after them (it was not listed and not excluded). */
  readonly appendId: boolean;
}

const SIMPLE_FIELD = /^[^.$]+$/;

/** The projection as a list of top-level fields, when it is a plain inclusion; else undefined. */
export function simpleProjection(spec: unknown): SimpleProjection | undefined {
  if (!isPlainObject(spec)) return undefined;
  const fields: string[] = [];
  let excludeId = false;
  for (const [key, value] of Object.entries(spec)) {
    if (key === '_id' && (value === 0 || value === false)) excludeId = true;
    // Names Object.prototype has (constructor, __proto__ …) resolve differently in mingo: left to it.
    else if ((value === 1 || value === true) && SIMPLE_FIELD.test(key) && !(key in Object.prototype)) fields.push(key);
    else return undefined;
  }
  // `{_id: 0}` alone is an exclusion (every other field kept): mingo's.
  if (fields.length === 0) return undefined;
  const listsId = fields.includes('_id');
  return { fields: fields.sort(), appendId: !listsId && !excludeId };
}

export function project(docs: readonly Doc[], projection: SimpleProjection): Doc[] {
  const { fields, appendId } = projection;
  const out: Doc[] = new Array<Doc>(docs.length);
  for (let index = 0; index < docs.length; index += 1) {
    const doc = docs[index]!;
    const projected: Doc = {};
    for (const field of fields) {
      const value = Object.prototype.hasOwnProperty.call(doc, field) ? doc[field] : undefined;
      if (value !== undefined) projected[field] = value;
    }
    if (appendId && Object.prototype.hasOwnProperty.call(doc, '_id')) projected._id = doc._id;
    out[index] = projected;
  }
  return out;
}
