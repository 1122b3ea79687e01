import { Aggregator } from 'mingo';
import { group, simpleGroup } from '../../localcloud/db/group';
import type { Doc } from '../../localcloud/db/types';
import { seededPicker } from '../../scripts/seed/seededRandom';

const FIELDS = ['_id', 'pairingId', 'kind', 'state', 'createdAt', 'paper', 'areas'];
const KEYS: readonly unknown[] = ['p1', 'p2', 'p3', '', null];
const VALUES: readonly unknown[] = [0, 1, '', 'x', null, true, false, [], ['a', 'b'], [{ q: 1 }], { q: 1 }, new Date(1_700_000_000_000)];

function randomDoc(random: ReturnType<typeof seededPicker>, index: number): Doc {
  const doc: Doc = { _id: `r${index}` };
  for (const field of FIELDS.slice(1)) if (random.next() < 0.75) doc[field] = field === 'pairingId' ? random.pick(KEYS) : random.pick(VALUES);
  return doc;
}

function randomSpec(random: ReturnType<typeof seededPicker>): Doc {
  const ref = () => `$${random.pick(FIELDS)}`;
  const spec: Doc = { _id: '$pairingId' };
  const outputs = 1 + Math.floor(random.next() * 2);
  for (let output = 0; output < outputs; output += 1) {
    if (random.next() < 0.4) spec[`out${output}`] = { $push: ref() };
    else spec[`out${output}`] = { $push: Object.fromEntries(FIELDS.filter(() => random.next() < 0.6).map((field) => [field === '_id' ? 'id' : field, ref()])) };
  }
  return spec;
}

/** Undefined kept visible: a pushed object's missing field is a key holding undefined in mingo. */
const text = (value: unknown) => JSON.stringify(value, (_key, item: unknown) => (item === undefined ? '<undefined>' : item));

describe('the plain $group without mingo', () => {
  it('answers exactly what mingo answers (groups, their order, pushed values, missing fields) on 300 random collections', () => {
    let compared = 0;
    for (let seed = 1; seed <= 300; seed += 1) {
      const random = seededPicker(seed);
      const docs = Array.from({ length: Math.floor(random.next() * 30) }, (_unused, index) => randomDoc(random, index));
      const spec = randomSpec(random);
      const simple = simpleGroup(spec);
      if (!simple) continue;
      const fast = group(docs, simple);
      const expected = new Aggregator([{ $group: spec }], { scriptEnabled: false }).run<Doc>(docs);
      expect({ seed, text: text(fast) }).toEqual({ seed, text: text(expected) });
      compared += 1;
    }
    expect(compared).toBeGreaterThan(250);
  });

  it('leaves other accumulators, computed keys and non-string keys to mingo', () => {
    expect(simpleGroup({ _id: '$a', n: { $sum: 1 } })).toBeUndefined();
    expect(simpleGroup({ _id: { a: '$a' }, r: { $push: '$b' } })).toBeUndefined();
    expect(simpleGroup({ _id: '$a.b', r: { $push: '$b' } })).toBeUndefined();
    expect(simpleGroup({ _id: '$a', r: { $push: { x: '$b.c' } } })).toBeUndefined();
    expect(simpleGroup({ _id: '$a', r: { $push: { x: 1 } } })).toBeUndefined();
    expect(simpleGroup({ _id: '$constructor', r: { $push: '$b' } })).toBeUndefined();
    const spec = simpleGroup({ _id: '$a', r: { $push: '$b' } });
    expect(spec).toBeDefined();
    expect(group([{ a: 1, b: 2 }], spec!)).toBeUndefined();
  });
});
