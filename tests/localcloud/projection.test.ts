import { Aggregator } from 'mingo';
import { project, simpleProjection } from '../../localcloud/db/projection';
import type { Doc } from '../../localcloud/db/types';
import { seededPicker } from '../../scripts/seed/seededRandom';

const FIELDS = ['_id', 'a', 'B', 'c', 'state', 'createdAt', 'paper', 'list', 'Zed', '名称'];
const VALUES: readonly unknown[] = [0, 1, -2.5, '', 'x', null, true, false, [], [1, 'y'], [{ q: 1 }], { q: 1 }, { q: { r: null } }, new Date(1_700_000_000_000)];

function randomDoc(random: ReturnType<typeof seededPicker>): Doc {
  const doc: Doc = {};
  for (const field of FIELDS) if (random.next() < 0.6) doc[field] = field === '_id' ? `id-${Math.floor(random.next() * 100)}` : random.pick(VALUES);
  return doc;
}

function randomProjection(random: ReturnType<typeof seededPicker>): Doc {
  const projection: Doc = {};
  for (const field of FIELDS) {
    const roll = random.next();
    if (roll < 0.4) projection[field] = random.next() < 0.8 ? 1 : true;
    else if (field === '_id' && roll < 0.6) projection[field] = random.next() < 0.5 ? 0 : false;
  }
  return projection;
}

const byMingo = (docs: readonly Doc[], projection: Doc) => new Aggregator([{ $project: projection }], { scriptEnabled: false }).run<Doc>(docs.map((doc) => ({ ...doc })));

describe('the plain $project without mingo', () => {
  it('answers exactly what mingo answers (fields, their order, shared values) for 2,000 random documents and projections', () => {
    let compared = 0;
    for (let seed = 1; seed <= 200; seed += 1) {
      const random = seededPicker(seed);
      const docs = Array.from({ length: 10 }, () => randomDoc(random));
      const projection = randomProjection(random);
      const simple = simpleProjection(projection);
      if (!simple) continue;
      const fast = project(docs, simple);
      const expected = byMingo(docs, projection);
      // Key order too: toEqual ignores it, the serialised text does not.
      expect({ seed, text: fast.map((doc) => JSON.stringify(doc)) }).toEqual({ seed, text: expected.map((doc) => JSON.stringify(doc)) });
      expect(fast).toEqual(expected);
      compared += 1;
    }
    expect(compared).toBeGreaterThan(150);
  });

  it('leaves paths, expressions, exclusions and an _id-only projection to mingo', () => {
    expect(simpleProjection({ 'a.b': 1 })).toBeUndefined();
    expect(simpleProjection({ a: '$b' })).toBeUndefined();
    expect(simpleProjection({ a: 0 })).toBeUndefined();
    expect(simpleProjection({ a: 2 })).toBeUndefined();
    expect(simpleProjection({ _id: 0 })).toBeUndefined();
    expect(simpleProjection({ $a: 1 })).toBeUndefined();
    expect(simpleProjection({ b: 1, a: 1, _id: 0 })).toEqual({ fields: ['a', 'b'], appendId: false });
    expect(simpleProjection({ constructor: 1 })).toBeUndefined();
  });

  it('shares the values (as mingo does): a projected document is no deep copy', () => {
    const inner = { q: 1 };
    const simple = simpleProjection({ a: 1 });
    expect(simple).toBeDefined();
    expect(project([{ _id: 'x', a: inner }], simple!)[0]!.a).toBe(inner);
  });
});
