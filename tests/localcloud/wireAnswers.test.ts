/**
 * The wire text of answers (ejson.ts): stringifyWire sends a value without extended types to
 * JSON.stringify as it is, and find() answers a document's stored text as its wire text when the two
 * are the same. Both must give the SDK exactly what the full encoding gives it.
 */
import { EJSON } from 'bson';
import { decodeDoc, encodeDoc } from '../../localcloud/db/codec';
import { storedAsWire, stringifyWire } from '../../localcloud/db/ejson';
import type { Doc } from '../../localcloud/db/types';
import { spec, startLocalCloud } from './helpers';
import { seededRandom } from '../../scripts/seed/seededRandom';

/** The full wire encoding, spelled out (the reference the fast path must equal). */
function referenceWire(value: unknown): unknown {
  if (value instanceof Date) return { $date: { $numberLong: String(value.getTime()) } };
  if (value instanceof RegExp) return { $regularExpression: { pattern: value.source, options: [...value.flags].filter((flag) => 'ims'.includes(flag)).sort().join('') } };
  if (typeof value === 'number') return Number.isFinite(value) ? value : { $numberDouble: String(value) };
  if (Array.isArray(value)) return value.map(referenceWire);
  if (value !== null && typeof value === 'object') {
    const out: Doc = {};
    for (const [key, item] of Object.entries(value)) if (item !== undefined) out[key] = referenceWire(item);
    return out;
  }
  return value;
}

const LEAVES: readonly (() => unknown)[] = [
  () => 1,
  () => -2.5,
  () => 0,
  () => 'text "quoted" {"$date": 1}',
  () => '',
  () => true,
  () => null,
  () => undefined,
  () => new Date(1_700_000_000_000),
  () => /a.b/im,
  () => Number.NaN,
  () => Number.POSITIVE_INFINITY,
];

function randomValue(next: () => number, depth: number): unknown {
  const roll = next();
  if (depth < 3 && roll < 0.2) return Array.from({ length: Math.floor(next() * 4) }, () => randomValue(next, depth + 1));
  if (depth < 3 && roll < 0.4) return randomObject(next, depth + 1);
  // Mostly plain leaves, so that many values take the fast path.
  const leaf = next() < 0.6 ? LEAVES[Math.floor(next() * 8)]! : LEAVES[Math.floor(next() * LEAVES.length)]!;
  return leaf();
}

function randomObject(next: () => number, depth: number): Doc {
  const out: Doc = {};
  const keys = Math.floor(next() * 4);
  for (let index = 0; index < keys; index += 1) out[['a', 'b', 'c', '10', 'd'][Math.floor(next() * 5)]!] = randomValue(next, depth);
  return out;
}

describe('answers on the wire', () => {
  it('stringifyWire spells every value as the full encoding does, with or without extended types', () => {
    const next = seededRandom(7);
    let plain = 0;
    for (let index = 0; index < 3000; index += 1) {
      const value = randomObject(next, 0);
      const expected = JSON.stringify(referenceWire(value));
      if (expected === JSON.stringify(value)) plain += 1;
      expect(stringifyWire(value)).toBe(expected);
    }
    expect(plain).toBeGreaterThan(300);
    expect(plain).toBeLessThan(2700);
  });

  it('a stored text is answered as it is only when the SDK reads the same document from it', () => {
    const next = seededRandom(11);
    let passed = 0;
    for (let index = 0; index < 2000; index += 1) {
      const doc = { _id: `d${index}`, ...randomObject(next, 0) };
      const text = encodeDoc(doc);
      const wire = storedAsWire(text);
      if (wire === undefined) continue;
      passed += 1;
      expect(EJSON.parse(wire)).toEqual(EJSON.parse(stringifyWire(decodeDoc(text))));
    }
    expect(passed).toBeGreaterThan(200);
    expect(storedAsWire(encodeDoc({ _id: 'x', at: new Date(5) }))).toBeUndefined();
    expect(storedAsWire(encodeDoc({ a: 1, _id: 'x' }))).toBeUndefined();
    expect(storedAsWire('{"_id":"x","a":[1,{"b":"c"}]}')).toBe('{"_id":"x","a":[1,{"b":"c"}]}');
  });

  it('where().get() answers every document as doc().get() does, through the real SDK', async () => {
    const harness = startLocalCloud([spec('things')]);
    try {
      const { db } = harness;
      await db.collection('things').add({
        data: [
          { _id: 'plain', n: 1, list: ['x', { y: null }], text: 'say {"$date": 1}' },
          { _id: 'dated', at: new Date(42), pattern: db.RegExp({ regexp: '^a', options: 'i' }), n: 2 },
        ],
      });
      await db.collection('things').doc('reordered').set({ data: { b: 1, a: 'first' } });
      const { data } = (await db.collection('things').where({}).get()) as { data: Doc[] };
      expect(data.map((doc) => doc._id)).toEqual(['plain', 'dated', 'reordered']);
      for (const doc of data) {
        const single = (await db.collection('things').doc(doc._id).get()) as { data: Doc };
        expect(doc).toEqual(single.data);
        expect(Object.keys(doc)).toEqual(Object.keys(single.data));
      }
      expect(data[0]).toEqual({ _id: 'plain', n: 1, list: ['x', { y: null }], text: 'say {"$date": 1}' });
      expect(data[1]!.at).toEqual(new Date(42));
    } finally {
      harness.close();
    }
  });
});
