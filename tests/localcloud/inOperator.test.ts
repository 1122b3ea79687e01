/**
 * The local cloud's set-based db.command.in / nin (inOperator.ts) against mingo's own $in / $nin on
 * random documents and random lists: the same documents match, whatever the types on either side
 * (arrays in the field or in the list, null and missing, numbers against numeric strings, dates,
 * objects with the same content, NaN and -0), at the top level, through nested paths and arrays of
 * objects, under $not, $or and $elemMatch.
 */
import { Query } from 'mingo';
import { CLOUD_CONTEXT, withCloudOperators } from '../../localcloud/db/cloudOperators';
import { compileQuery } from '../../localcloud/db/query';
import type { Doc } from '../../localcloud/db/types';
import { seededPicker } from '../../scripts/seed/seededRandom';

type Random = ReturnType<typeof seededPicker>;

/** Fresh objects each call: equal dates and objects are never the same object on both sides. */
const SCALARS: readonly (() => unknown)[] = [
  () => 0,
  () => -0,
  () => 1,
  () => '1',
  () => '0',
  () => '',
  () => 'a',
  () => 'b',
  () => true,
  () => false,
  () => null,
  () => Number.NaN,
  () => 2.5,
  () => new Date(1_700_000_000_000),
  () => new Date(1_700_000_000_001),
  () => ({ q: 1 }),
  () => ({ q: '1' }),
  () => ({ q: 1, r: 2 }),
  () => ({ r: 2, q: 1 }),
];

function value(random: Random, depth = 0): unknown {
  const roll = random.next();
  if (depth < 2 && roll < 0.2) return Array.from({ length: Math.floor(random.next() * 4) }, () => value(random, depth + 1));
  return random.pick(SCALARS)();
}

function randomDoc(random: Random): Doc {
  const doc: Doc = {};
  for (const field of ['f', 'g']) if (random.next() < 0.8) doc[field] = value(random);
  if (random.next() < 0.7) doc.o = { x: value(random) };
  if (random.next() < 0.7) doc.list = Array.from({ length: Math.floor(random.next() * 3) }, () => (random.next() < 0.8 ? { x: value(random) } : value(random)));
  return doc;
}

function randomList(random: Random): unknown[] {
  return Array.from({ length: Math.floor(random.next() * 6) }, () => value(random, 1));
}

function randomQuery(random: Random): Doc {
  const path = random.pick(['f', 'g', 'o.x', 'list.x', 'list', 'missing']);
  const op = random.pick(['$in', '$nin']);
  const list = randomList(random);
  switch (random.pick(['plain', 'not', 'or', 'elemMatch', 'both'])) {
    case 'not':
      return { [path]: { $not: { [op]: list } } };
    case 'or':
      return { $or: [{ [path]: { [op]: list } }, { g: { $in: randomList(random) } }] };
    case 'elemMatch':
      return random.next() < 0.5 ? { list: { $elemMatch: { x: { [op]: list } } } } : { f: { $elemMatch: { [op]: list } } };
    case 'both':
      return { [path]: { $in: list, $nin: randomList(random) } };
    default:
      return { [path]: { [op]: list } };
  }
}

describe('db.command.in / nin hashed once per query', () => {
  it('queries are rewritten to the local operators, $expr left alone', () => {
    expect(withCloudOperators({ a: { $in: [1] }, b: { $nin: [2] }, $expr: { $in: ['$a', [1]] } })).toEqual({ a: { $cloudIn: [1] }, b: { $cloudNin: [2] }, $expr: { $in: ['$a', [1]] } });
  });

  it.each([1, 2, 3, 4, 5, 6])('matches what mingo matches on random documents and lists (seed %i)', (seed) => {
    const random = seededPicker(seed);
    const docs = Array.from({ length: 120 }, () => randomDoc(random));
    let matched = 0;
    let compared = 0;
    for (let round = 0; round < 120; round += 1) {
      const query = randomQuery(random);
      const local = compileQuery(query);
      const reference = new Query(query);
      for (const doc of docs) {
        const expected = reference.test(doc);
        if (local.test(doc) !== expected) throw new Error(`seed ${seed}: ${JSON.stringify(query)} on ${JSON.stringify(doc)}: mingo says ${expected}`);
        compared += 1;
        if (expected) matched += 1;
      }
    }
    // Both outcomes occur often enough for the comparison to mean something.
    expect(matched).toBeGreaterThan(compared / 10);
    expect(compared - matched).toBeGreaterThan(compared / 10);
  });

  it('the cases that tell a plain Set from mingo apart', () => {
    const cases: [Doc, Doc, boolean][] = [
      [{ f: new Date(5) }, { f: { $in: [new Date(5)] } }, true],
      [{ f: { q: 1 } }, { f: { $in: [{ q: 1 }] } }, true],
      [{ f: 1 }, { f: { $in: ['1'] } }, false],
      [{ f: [1, 2] }, { f: { $in: [2] } }, true],
      [{ f: [] }, { f: { $in: [null] } }, false],
      [{}, { f: { $in: [null] } }, true],
      [{ f: null }, { f: { $nin: [null] } }, false],
      [{ f: Number.NaN }, { f: { $in: [Number.NaN] } }, true],
      [{ f: [[1]] }, { f: { $in: [[1]] } }, true],
    ];
    for (const [doc, query, expected] of cases) {
      expect({ query, matched: new Query(query).test(doc) }).toEqual({ query, matched: expected });
      expect({ query, matched: compileQuery(query).test(doc) }).toEqual({ query, matched: expected });
    }
  });

  it('a list that is not an array fails as in mingo', () => {
    expect(() => new Query({ f: { $cloudIn: 'a' } }, { context: CLOUD_CONTEXT }).test({ f: null })).toThrow();
    expect(() => new Query({ f: { $in: 'a' } }).test({ f: null })).toThrow();
  });
});
