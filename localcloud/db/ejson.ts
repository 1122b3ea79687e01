/**
 * MongoDB Extended JSON as exchanged with @cloudbase/database.
 *
 * The SDK sends queries, updates, documents, orders, projections and pipeline
 * stages as canonical EJSON strings (`bson` EJSON.stringify, relaxed: false):
 * numbers as {"$numberInt"|"$numberDouble"|"$numberLong": "..."}, dates as
 * {"$date": {"$numberLong": "ms"}}, RegExp / db.RegExp as
 * {"$regularExpression": {pattern, options}} and db.serverDate() as
 * {"$tcb_server_date": {"offset": ms}}. Answers go back as EJSON strings that
 * the SDK parses with `bson` EJSON.parse (relaxed), so plain JSON numbers are
 * fine there.
 */
import { errorMessage, invalidParam } from './errors';
import { REGEX_FLAGS } from './operatorLists';
import { isPlainObject, type Doc } from './types';

/** BSON wrappers the cloud would accept but the local database does not model. */
const UNSUPPORTED_WRAPPERS = new Set([
  '$oid',
  '$binary',
  '$numberDecimal',
  '$timestamp',
  '$minKey',
  '$maxKey',
  '$symbol',
  '$code',
  '$dbPointer',
  '$undefined',
  '$uuid',
]);


/** Parses one EJSON string of the wire; db.serverDate() becomes `now + offset`. */
export function parseWire(text: string, now: number): unknown {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw invalidParam(`malformed EJSON parameter: ${text.slice(0, 200)}`);
  }
  return revive(raw, now);
}

/** Parses an EJSON string that must hold an object (query, update, document...). */
export function parseWireObject(text: string, now: number, what: string): Doc {
  const value = parseWire(text, now);
  if (!isPlainObject(value)) throw invalidParam(`${what} must be an object`);
  return value;
}

function revive(value: unknown, now: number): unknown {
  if (Array.isArray(value)) return value.map((item) => revive(item, now));
  if (!isPlainObject(value)) return value;
  const keys = Object.keys(value);
  if (keys.length === 1) {
    const key = keys[0] as string;
    const inner = value[key];
    switch (key) {
      case '$numberInt':
      case '$numberLong':
      case '$numberDouble':
        if (typeof inner === 'string') return Number(inner);
        break;
      case '$date':
        return reviveDate(inner);
      case '$regularExpression':
        return reviveRegExp(inner);
      case '$tcb_server_date':
        return reviveServerDate(inner, now);
      default:
        if (UNSUPPORTED_WRAPPERS.has(key)) {
          throw invalidParam(`${key} values are not supported by the local cloud database`);
        }
    }
  }
  const out: Doc = {};
  for (const key of keys) {
    if (key === '__proto__') throw invalidParam('field name __proto__ is not allowed');
    out[key] = revive(value[key], now);
  }
  return out;
}

function reviveDate(inner: unknown): Date {
  let ms: number;
  if (typeof inner === 'number') ms = inner;
  else if (typeof inner === 'string') ms = Date.parse(inner);
  else if (isPlainObject(inner) && typeof inner.$numberLong === 'string') ms = Number(inner.$numberLong);
  else throw invalidParam('malformed $date value');
  if (!Number.isFinite(ms)) throw invalidParam('invalid date value');
  return new Date(ms);
}

function reviveRegExp(inner: unknown): RegExp {
  if (!isPlainObject(inner) || typeof inner.pattern !== 'string') throw invalidParam('malformed $regularExpression value');
  const options = typeof inner.options === 'string' ? inner.options : '';
  for (const flag of options) {
    if (!REGEX_FLAGS.has(flag)) throw invalidParam(`regular expression option '${flag}' is not supported (Database.RegExp accepts i, m and s)`);
  }
  try {
    return new RegExp(inner.pattern, options);
  } catch (error) {
    throw invalidParam(`invalid regular expression: ${errorMessage(error)}`);
  }
}

function reviveServerDate(inner: unknown, now: number): Date {
  let offset = 0;
  if (isPlainObject(inner) && inner.offset !== undefined) {
    const raw = revive(inner.offset, now);
    if (typeof raw !== 'number' || !Number.isFinite(raw)) throw invalidParam('serverDate offset must be a number');
    offset = raw;
  }
  return new Date(now + offset);
}

/**
 * Serialises an answer value (document, aggregate row) to an EJSON string the SDK parses. A value
 * without extended types is its own EJSON: it goes to JSON.stringify as it is, without the copy.
 */
export function stringifyWire(value: unknown): string {
  return JSON.stringify(needsWrappers(value) ? toWire(value) : value);
}

/**
 * The stored text of a document (codec.ts) when it is already the wire text of that document:
 * it holds no extended-type wrapper (storage and wire spell them differently) and starts with
 * `_id` (answers put `_id` first). Otherwise undefined.
 */
export function storedAsWire(text: string): string | undefined {
  return text.startsWith('{"_id":') && !text.includes('{"$') ? text : undefined;
}

/** Whether toWire would change anything: a Date, a RegExp, a non-finite number, anything but plain objects and arrays, or an own `__proto__` key. */
function needsWrappers(value: unknown): boolean {
  if (typeof value === 'number') return !Number.isFinite(value);
  if (typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value)) {
    for (const item of value) if (needsWrappers(item)) return true;
    return false;
  }
  if (!isPlainObject(value)) return true;
  for (const key in value) if (key === '__proto__' || needsWrappers(value[key])) return true;
  return false;
}

function toWire(value: unknown): unknown {
  if (value instanceof Date) return { $date: { $numberLong: String(value.getTime()) } };
  if (value instanceof RegExp) return { $regularExpression: { pattern: value.source, options: sortedFlags(value.flags) } };
  if (typeof value === 'number') return Number.isFinite(value) ? value : { $numberDouble: String(value) };
  if (Array.isArray(value)) return value.map(toWire);
  if (value !== null && typeof value === 'object') {
    const out: Doc = {};
    for (const [key, item] of Object.entries(value)) {
      if (item !== undefined) out[key] = toWire(item);
    }
    return out;
  }
  return value;
}

function sortedFlags(flags: string): string {
  return [...flags].filter((flag) => REGEX_FLAGS.has(flag)).sort().join('');
}
