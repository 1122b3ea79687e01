/**
 * The common `$group` stage without mingo: grouped by one top-level field holding strings (or
 * nothing), each accumulator a `$push` of a top-level field or of an object of top-level fields.
 * mingo evaluates every pushed value as an expression, about 40 µs a document for an object of eight
 * fields, which made the ledger's rebuild (40,000 records grouped by pairing) spend over a second.
 *
 * The answer is exactly mingo's 7.2 (tests/localcloud/group.test.ts compares them on random
 * documents): groups in the order their key first appears, a missing or null key grouped as null;
 * a pushed field missing is null, inside a pushed object it is a key holding undefined; values are
 * shared, not copied. Any other shape, or a key that is not a string (numbers, objects: mingo
 * hashes them), is answered undefined and left to mingo.
 */
import { isPlainObject, type Doc } from './types';

type Pushed = { readonly kind: 'field'; readonly field: string } | { readonly kind: 'object'; readonly keys: readonly string[]; readonly fields: readonly string[] };

export interface SimpleGroup {
  readonly by: string;
  readonly outputs: ReadonlyArray<{ readonly name: string; readonly push: Pushed }>;
}

const FIELD_REF = /^\$[^.$]+$/;

/** The top-level field a `'$field'` reference names (names Object.prototype has are left to mingo). */
function fieldOf(ref: unknown): string | undefined {
  if (typeof ref !== 'string' || !FIELD_REF.test(ref)) return undefined;
  const field = ref.slice(1);
  return field in Object.prototype ? undefined : field;
}

function pushedOf(expr: unknown): Pushed | undefined {
  const field = fieldOf(expr);
  if (field !== undefined) return { kind: 'field', field };
  if (!isPlainObject(expr)) return undefined;
  const keys = Object.keys(expr);
  if (keys.length === 0 || keys.some((key) => key.startsWith('$') || key.includes('.'))) return undefined;
  const fields: string[] = [];
  for (const key of keys) {
    const inner = fieldOf(expr[key]);
    if (inner === undefined) return undefined;
    fields.push(inner);
  }
  return { kind: 'object', keys, fields };
}

export function simpleGroup(spec: unknown): SimpleGroup | undefined {
  if (!isPlainObject(spec) || !Object.prototype.hasOwnProperty.call(spec, '_id')) return undefined;
  const by = fieldOf(spec._id);
  if (by === undefined) return undefined;
  const outputs: Array<{ name: string; push: Pushed }> = [];
  for (const [name, accumulator] of Object.entries(spec)) {
    if (name === '_id') continue;
    if (!isPlainObject(accumulator)) return undefined;
    const keys = Object.keys(accumulator);
    if (keys.length !== 1 || keys[0] !== '$push') return undefined;
    const push = pushedOf(accumulator.$push);
    if (!push) return undefined;
    outputs.push({ name, push });
  }
  return { by, outputs };
}

const own = (doc: Doc, field: string): unknown => (Object.prototype.hasOwnProperty.call(doc, field) ? doc[field] : undefined);

function pushedValue(doc: Doc, push: Pushed): unknown {
  if (push.kind === 'field') return own(doc, push.field) ?? null;
  const value: Doc = {};
  for (let index = 0; index < push.keys.length; index += 1) value[push.keys[index]!] = own(doc, push.fields[index]!);
  return value;
}

/** The groups, or undefined when some key is not a string (then mingo groups). */
export function group(docs: readonly Doc[], spec: SimpleGroup): Doc[] | undefined {
  const partitions = new Map<string | null, Doc[]>();
  for (const doc of docs) {
    const key = own(doc, spec.by) ?? null;
    if (key !== null && typeof key !== 'string') return undefined;
    const members = partitions.get(key);
    if (members) members.push(doc);
    else partitions.set(key, [doc]);
  }
  const out: Doc[] = [];
  for (const [key, members] of partitions) {
    const result: Doc = { _id: key };
    for (const output of spec.outputs) result[output.name] = members.map((doc) => pushedValue(doc, output.push));
    out.push(result);
  }
  return out;
}
