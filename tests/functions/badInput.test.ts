import type { ActionName } from '../../src/contract/actions';
import { functionOf } from '../../src/contract/actions';
import { chinaInstant } from '../../src/domain/time/chinaTime';
import { wxServerSdk } from '../../localcloud/sdk';
import { restoreClock, standAt } from '../support/clock';
import { dumpDatabase } from '../support/databaseDump';
import { addMatrixPeople, matrixActors } from '../support/matrixActors';
import type { TestCloud } from '../support/testCloud';
import { openTestCloud } from '../support/testCloud';
import { everyAction, wellFormedInputs } from './contractInputs';

/**
 * Malformed input, generated from the contracts: every action's well-formed input spoiled one part
 * at a time (wrong types, huge strings and arrays, deep nesting, prototype keys, operator objects,
 * NaN and Infinity, year 9999, control characters, lone surrogates). Each must be a clean
 * `{ ok: false }` with a Chinese message, and write nothing.
 */
jest.setTimeout(300_000);

type Path = ReadonlyArray<string | number>;
interface Spoiled {
  readonly what: string;
  readonly input: unknown;
}

const hugeString = 'x'.repeat(1_000_000);
const hugeArray = Array.from({ length: 200_000 }, () => 'a');
function deep(levels: number): unknown {
  let value: unknown = 'bottom';
  for (let level = 0; level < levels; level += 1) value = { a: value };
  return value;
}
// 1,000 levels: deeper than Node can put on the wire at all (JSON.stringify overflows near 4,000; the HTTP server refuses such bodies first).
const deepObject = deep(1000);
const deepArray = JSON.parse(`${'['.repeat(1000)}1${']'.repeat(1000)}`) as unknown;

/** Operator objects, as MongoDB and the cloud database's commands look on the wire. */
function operatorObjects(): Array<[string, unknown]> {
  const command = wxServerSdk().database().command;
  return [
    ['{$gt:""}', { $gt: '' }],
    ['{$ne:null}', { $ne: null }],
    ['{$regex}', { $regex: '.*', $options: 'i' }],
    ['{$where}', { $where: 'sleep(1000)' }],
    ['db.command.neq(null)', JSON.parse(JSON.stringify(command.neq(null))) as unknown],
    ['db.command.in([...])', JSON.parse(JSON.stringify(command.in(['unit-001', 'unit-002']))) as unknown],
    ['db.command.exists(true)', JSON.parse(JSON.stringify(command.exists(true))) as unknown],
  ];
}

/** Objects carrying keys that reach prototypes or read as operators and paths. */
const prototypeKeys: Array<[string, string]> = [
  ['__proto__', '{"__proto__":{"polluted":"yes","grants":[{"role":"districtOffice"}]}}'],
  ['constructor', '{"constructor":{"prototype":{"polluted":"yes"}}}'],
  ['prototype', '{"prototype":{"polluted":"yes"}}'],
  ['$set', '{"$set":{"grants":[]}}'],
  ['dotted', '{"grants.0.role":"districtOffice"}'],
];

/** A copy of `root` with the value at `path` replaced by `make(old value)`. */
function replaceAt(root: unknown, path: Path, make: (old: unknown) => unknown): unknown {
  if (path.length === 0) return make(root);
  const [head, ...rest] = path;
  if (Array.isArray(root)) return root.map((item, index) => (index === head ? replaceAt(item, rest, make) : item));
  const copy: Record<string, unknown> = { ...(root as Record<string, unknown>) };
  copy[String(head)] = replaceAt(copy[String(head)], rest, make);
  return copy;
}

const setAt = (root: unknown, path: Path, value: unknown) => replaceAt(root, path, () => value);

/** The object at `path` with the keys of `json` added, built through JSON so that `__proto__` is an own key, as on the wire. */
function withKey(root: unknown, path: Path, json: string): unknown {
  return replaceAt(root, path, (old) => {
    const own = JSON.stringify(old);
    return JSON.parse(`${own.slice(0, -1)}${own.length > 2 ? ',' : ''}${json.slice(1)}`) as unknown;
  });
}

function nodesOf(value: unknown, path: Path = []): Array<{ path: Path; value: unknown }> {
  const here = path.length > 0 ? [{ path, value }] : [];
  if (Array.isArray(value)) return [...here, ...value.flatMap((item, index) => nodesOf(item, [...path, index]))];
  if (typeof value === 'object' && value !== null) return [...here, ...Object.entries(value).flatMap(([key, item]) => nodesOf(item, [...path, key]))];
  return here;
}

const isDate = (value: unknown) => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);

function wrongType(value: unknown): unknown {
  if (typeof value === 'string') return 12345;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return 'true';
  if (Array.isArray(value)) return 'x';
  return 'x';
}

/** Every spoiled variant of one action's well-formed input. */
function spoil(input: unknown): Spoiled[] {
  const out: Spoiled[] = [];
  for (const [what, value] of [['a number', 42], ['a string', 'text'], ['an array', []], ['true', true], ['deep nesting', deepObject]] as const) out.push({ what: `input is ${what}`, input: value });
  for (const [name, json] of prototypeKeys) out.push({ what: `input with key ${name}`, input: withKey(input, [], json) });
  for (const { path, value } of nodesOf(input)) {
    const at = path.join('.');
    const put = (what: string, replacement: unknown) => out.push({ what: `${at}: ${what}`, input: setAt(input, path, replacement) });
    put('wrong type', wrongType(value));
    put('huge array', hugeArray);
    put('deep object', deepObject);
    put('deep array', deepArray);
    for (const [name, operator] of operatorObjects()) put(name, operator);
    if (typeof value === 'string') {
      put('huge string', hugeString);
      put('NUL', `${value}\u0000`);
      put('escape sequence', `\u001b[31m${value}`);
      put('DEL', `${value}\u007f`);
      put('lone high surrogate', `${value}\ud800`);
      put('lone low surrogate', `\udc00${value}`);
      if (isDate(value)) {
        put('year 9999', '9999-12-31');
        put('year 0001', '0001-01-01');
        put('six-digit year', '+275760-09-13');
      }
    }
    if (typeof value === 'number') {
      put('NaN', Number.NaN);
      put('Infinity', Number.POSITIVE_INFINITY);
      put('-Infinity', Number.NEGATIVE_INFINITY);
      if (path[path.length - 1] === 'year') put('year 9999', 9999);
    }
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      for (const [name, json] of prototypeKeys) out.push({ what: `${at}: key ${name}`, input: withKey(input, path, json) });
    }
  }
  return out;
}

/** NaN and Infinity travel as null (JSON): where the contract allows null they are not malformed. */
function meansSomethingElse(action: (typeof everyAction)[number], spoiled: Spoiled): boolean {
  if (!/NaN|Infinity/.test(spoiled.what)) return false;
  return action.input.safeParse(JSON.parse(JSON.stringify(spoiled.input))).success;
}

let t: TestCloud;
beforeAll(async () => {
  standAt(chinaInstant(2026, 6, 10, 10));
  t = await openTestCloud();
  await addMatrixPeople(t);
});
afterAll(() => {
  t.close();
  restoreClock();
});

it('has a well-formed input for every action, which its contract accepts', () => {
  expect(everyAction.map((action) => action.name).sort()).toEqual(Object.keys(wellFormedInputs).sort());
  for (const action of everyAction) {
    const parsed = action.input.safeParse(wellFormedInputs[action.name as ActionName]);
    expect({ action: action.name, ok: parsed.success, issue: parsed.success ? undefined : parsed.error.issues[0] }).toEqual({ action: action.name, ok: true, issue: undefined });
  }
});

it('tries at least 500 malformed inputs across every function', () => {
  const total = everyAction.reduce((sum, action) => sum + spoil(wellFormedInputs[action.name as ActionName]).filter((item) => !meansSomethingElse(action, item)).length, 0);
  expect(total).toBeGreaterThanOrEqual(500);
  expect(new Set(everyAction.map((action) => functionOf(action.name))).size).toBe(9);
});

describe.each(everyAction.map((action) => ({ name: action.name as ActionName, action })))('$name', ({ name, action }) => {
  it('answers every malformed input with a clean refusal in Chinese and writes nothing', async () => {
    const before = dumpDatabase(t.cloud);
    const wrong: string[] = [];
    for (const spoiled of spoil(wellFormedInputs[name])) {
      if (meansSomethingElse(action, spoiled)) continue;
      let result: unknown;
      try {
        result = await t.raw(matrixActors.districtOffice, functionOf(name), { action: name, input: spoiled.input });
      } catch (error) {
        wrong.push(`${spoiled.what}: threw ${String(error).slice(0, 120)}`);
        continue;
      }
      const answer = result as { ok?: unknown; error?: { code?: unknown; message?: unknown } };
      const clean = answer.ok === false && answer.error?.code === 'INVALID_INPUT' && typeof answer.error.message === 'string' && /[\u4e00-\u9fa5]/.test(answer.error.message);
      if (!clean) wrong.push(`${spoiled.what}: ${JSON.stringify(result).slice(0, 160)}`);
    }
    expect(wrong).toEqual([]);
    expect(dumpDatabase(t.cloud)).toBe(before);
  });
});
