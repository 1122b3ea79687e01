import { fieldsRead } from '../../localcloud/db/pushdown';
import { spec, startLocalCloud, type Harness } from './helpers';
import { seededPicker } from '../../scripts/seed/seededRandom';

const FIELDS = ['a', 'b', 'c', 'state', 'createdAt', 'paper'];
// Stored texts SQLite must hand back exactly: numbers at the edge of doubles, escapes, non-BMP text, wrappers.
const VALUES: readonly unknown[] = [
  0, 0.1, 0.30000000000000004, 1e21, 1.7976931348623157e308, 5e-324, -12345678901234567890, 123456789012345680000,
  '', 'x', 'say "hi"\\n', '\u2028\u2029', '共建😀', '{"$date":1}', null, true, false, [], [1, 'y', null], [{ q: new Date(5) }],
  { q: 1, r: { s: [new Date(1_700_000_000_000)] } }, new Date(1_700_000_000_000), Number.NaN, Infinity,
];

describe('reading only the fields a pipeline uses', () => {
  let h: Harness;

  beforeAll(async () => {
    h = startLocalCloud([spec('docs', [{ name: 'by_state', fields: [{ path: 'state', kind: 'string' }] }])]);
    const random = seededPicker(7);
    const docs = Array.from({ length: 120 }, (_unused, index) => {
      const doc: Record<string, unknown> = { _id: `d${index}` };
      for (const field of FIELDS) if (random.next() < 0.75) doc[field] = field === 'state' ? random.pick(['open', 'closed', null]) : random.pick(VALUES);
      return doc;
    });
    await h.db.collection('docs').add({ data: docs });
  });
  afterAll(() => h.close());

  it('answers what reading whole documents answers, for 60 random matches and projections', async () => {
    const _ = h._;
    for (let seed = 1; seed <= 60; seed += 1) {
      const random = seededPicker(seed);
      const projection = Object.fromEntries([...FIELDS, '_id'].filter(() => random.next() < 0.5).map((field) => [field, 1]));
      if (Object.keys(projection).filter((key) => key !== '_id').length === 0) projection.a = 1;
      const field = random.pick(FIELDS);
      const match = random.pick([{ state: 'open' }, { state: _.in(['open', 'closed']) }, { [field]: _.exists(true) }, { [field]: _.neq(null) }, { [field]: random.pick(VALUES.filter((value) => !Number.isNaN(value))) }, {}]);
      // The same match with an $expr that is always true: the documents are read whole.
      const whole = _.and([match, _.expr(h.$.eq([1, 1]))]);
      expect(fieldsRead([{ $match: { [field]: 1 } }, { $project: projection }])).toBeDefined();
      const fast = await h.db.collection('docs').aggregate().match(match).project(projection).limit(1000).end();
      const slow = await h.db.collection('docs').aggregate().match(whole).project(projection).limit(1000).end();
      expect({ seed, list: fast.list }).toEqual({ seed, list: slow.list });
      expect(JSON.stringify(fast.list)).toBe(JSON.stringify(slow.list));
      expect(fast.list.length).toBeGreaterThanOrEqual(0);
    }
  });

  it('reads documents whole when the match may look at all of them or the projection is not a plain inclusion', () => {
    expect(fieldsRead([{ $match: { $expr: { $eq: ['$a', 1] } } }, { $project: { a: 1 } }])).toBeUndefined();
    expect(fieldsRead([{ $match: { a: { $elemMatch: { $where: 'x' } } } }, { $project: { a: 1 } }])).toBeUndefined();
    expect(fieldsRead([{ $match: { a: 1 } }, { $project: { a: 0 } }])).toBeUndefined();
    expect(fieldsRead([{ $match: { a: 1 } }, { $group: { _id: '$a' } }])).toBeUndefined();
    expect(fieldsRead([{ $project: { 'a-b': 1 } }])).toBeUndefined();
    expect(fieldsRead([{ $match: { 'x.y': 1, $or: [{ b: 1 }, { c: 2 }] } }, { $project: { a: 1 } }])?.sort()).toEqual(['_id', 'a', 'b', 'c', 'x']);
  });
});
