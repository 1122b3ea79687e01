/**
 * Storage encoding of documents in the SQLite `data` column (plain JSON).
 *
 * - Date          -> {"$date": <epoch ms>}    (indexable: json_extract(data, '$."f"."$date"'))
 * - RegExp        -> {"$regularExpression": {"pattern": "...", "options": "..."}}
 * - NaN/±Infinity -> {"$numberDouble": "NaN" | "Infinity" | "-Infinity"}
 *
 * Stored documents never contain user keys starting with `$` (validate.ts
 * refuses them, as MongoDB does), so these wrappers are unambiguous.
 */
import { isPlainObject, type Doc } from './types';

export function encodeDoc(doc: Doc): string {
  return JSON.stringify(doc, function replacer(this: Record<string, unknown>, key: string, value: unknown) {
    const original = this[key];
    if (original instanceof Date) return { $date: original.getTime() };
    if (original instanceof RegExp) return { $regularExpression: { pattern: original.source, options: original.flags } };
    if (typeof value === 'number' && !Number.isFinite(value)) return { $numberDouble: String(value) };
    return value;
  });
}

/**
 * Decodes a stored document. The text is parsed by a plain `JSON.parse` (a reviver would cost a
 * call per value, about three times the parse); only a text that contains a wrapper's `{"$` is then
 * walked to turn the wrappers back into their values, in place.
 */
export function decodeDoc(text: string): Doc {
  let value: unknown = JSON.parse(text);
  if (text.includes('{"$')) value = restore(value);
  if (!isPlainObject(value)) throw new Error('corrupt document in storage');
  return value;
}

/** The value of an extended-type wrapper, or the value itself with its wrappers restored (in place). */
function restore(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index += 1) {
      const item: unknown = value[index];
      if (typeof item === 'object' && item !== null) value[index] = restore(item);
    }
    return value;
  }
  const object = value as Doc;
  let count = 0;
  let first: string | undefined;
  for (const key in object) {
    if (count === 0) first = key;
    count += 1;
    const item = object[key];
    if (typeof item === 'object' && item !== null) {
      const restored = restore(item);
      // An own `__proto__` key (JSON.parse makes one) must stay a property, not become the prototype.
      if (restored !== item) {
        if (key === '__proto__') Object.defineProperty(object, key, { value: restored, writable: true, enumerable: true, configurable: true });
        else object[key] = restored;
      }
    }
  }
  return count === 1 ? unwrap(object, first as string) : object;
}

function unwrap(wrapper: Doc, key: string): unknown {
  const inner = wrapper[key];
  switch (key) {
    case '$date':
      return typeof inner === 'number' ? new Date(inner) : wrapper;
    case '$numberDouble':
      return typeof inner === 'string' ? Number(inner) : wrapper;
    case '$regularExpression':
      return isPlainObject(inner) && typeof inner.pattern === 'string' ? new RegExp(inner.pattern, typeof inner.options === 'string' ? inner.options : '') : wrapper;
    default:
      return wrapper;
  }
}
