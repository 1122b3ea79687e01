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

export function decodeDoc(text: string): Doc {
  const value: unknown = text.includes('"$') ? JSON.parse(text, reviver) : JSON.parse(text);
  if (!isPlainObject(value)) throw new Error('corrupt document in storage');
  return value;
}

function reviver(_key: string, value: unknown): unknown {
  if (!isPlainObject(value)) return value;
  const keys = Object.keys(value);
  if (keys.length !== 1) return value;
  if (typeof value.$date === 'number') return new Date(value.$date);
  if (typeof value.$numberDouble === 'string') return Number(value.$numberDouble);
  const regex = value.$regularExpression;
  if (isPlainObject(regex) && typeof regex.pattern === 'string') {
    return new RegExp(regex.pattern, typeof regex.options === 'string' ? regex.options : '');
  }
  return value;
}
