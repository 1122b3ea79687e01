/**
 * A `$lookup` sub-pipeline read through an index (localcloud/db/lookupPushdown.ts, exprPrefilter.ts):
 * every pipeline here is answered twice, with the pushdown and without it (mingo over the whole
 * collection), and must give the same documents in the same order. The documents are built to hurt
 * it: join keys null, missing, arrays, numbers and strings with surrogates; dates with code units
 * above 0xD800 (SQL and JavaScript order those differently); non-indexed fields holding arrays.
 */
import { engineOf } from '../../localcloud/db/database';
import { seededPicker } from '../../scripts/seed/seededRandom';
import { spec, startLocalCloud, type Harness } from './helpers';

const KEYS: readonly unknown[] = ['p1', 'p2', 'p3', 'big', null, 5, '😀p', ['p1'], ['p1', 'p2'], []];
const DATES: readonly unknown[] = ['2026-01-05', '2026-02-10', '2026-02-10', '2026-03-01', '2026-12-31', '2026-01-\ue000', '2026-01-\ud83d\ude00', null, undefined];
const STATES: readonly unknown[] = ['draft', 'confirmed', 'disputed', 'submitted', null, undefined];
const KINDS: readonly unknown[] = ['visit', 'activity', ['visit'], ['activity', 'visit'], 7, null, undefined];

let h: Harness;
beforeAll(async () => {
  h = startLocalCloud([
    spec('outer'),
    spec('inner', [
      { name: 'pairing_date', fields: [{ path: 'pairingId', kind: 'string' }, { path: 'date', kind: 'string' }] },
      { name: 'pairing_updated', fields: [{ path: 'pairingId', kind: 'string' }, { path: 'updatedAt', kind: 'date' }] },
      { name: 'state', fields: [{ path: 'state', kind: 'string' }] },
    ]),
  ]);
  const random = seededPicker(13);
  const set = (doc: Record<string, unknown>, field: string, value: unknown) => {
    if (value !== undefined) doc[field] = value;
  };
  const inner = Array.from({ length: 400 }, (_unused, index) => {
    const doc: Record<string, unknown> = { _id: `r${String(index).padStart(3, '0')}${random.pick(['', '\ue000', '😀'])}` };
    set(doc, 'pairingId', index < 150 ? 'big' : random.pick(['p1', 'p2', 'p3', '😀p', null, undefined]));
    set(doc, 'date', random.pick(DATES));
    set(doc, 'state', random.pick(STATES));
    set(doc, 'kind', random.pick(KINDS));
    set(doc, 'updatedAt', random.pick([new Date(1_700_000_000_000 + (index % 37) * 1000), new Date(1_700_000_000_000), null, undefined]));
    doc.n = index % 11;
    return doc;
  });
  await h.db.collection('inner').add({ data: inner });
  const outer = KEYS.map((key, index) => {
    const doc: Record<string, unknown> = { _id: `o${index}`, kind: random.pick(['visit', 'activity', null]), from: '2026-02-01' };
    if (key !== undefined) doc.key = key;
    return doc;
  });
  await h.db.collection('outer').add({ data: [...outer, { _id: 'o-missing' }] });
});
afterAll(() => h.close());

const ofPairing = { $eq: ['$pairingId', '$$key'] };
const latest = (sort: Record<string, 1 | -1>, limit: number) => [{ $match: { $expr: ofPairing } }, { $sort: sort }, { $limit: limit }, { $project: { _id: 1, date: 1, updatedAt: 1 } }];

/** Sub-pipelines with the let variables each needs. */
const PIPELINES: ReadonlyArray<{ readonly name: string; readonly let?: Record<string, unknown>; readonly pipeline: object[] }> = [
  { name: '$eq against the let variable', pipeline: [{ $match: { $expr: ofPairing } }] },
  { name: '$eq with the variable on the left (an array there matches its elements)', pipeline: [{ $match: { $expr: { $eq: ['$$key', '$pairingId'] } } }] },
  {
    name: '$and with $or of ranges and $in (home\'s cadence)',
    pipeline: [
      {
        $match: {
          $expr: {
            $and: [
              ofPairing,
              { $or: [{ $and: [{ $eq: ['$kind', 'visit'] }, { $gte: ['$date', '2026-02-01'] }, { $lte: ['$date', '2026-02-28'] }] }, { $and: [{ $eq: ['$kind', '$$kind'] }, { $gt: ['$date', '$$from'] }] }, { $in: ['$state', ['draft', 'disputed']] }] },
            ],
          },
        },
      },
    ],
    let: { key: '$key', kind: '$kind', from: '$from' },
  },
  { name: '$in with null in the list', pipeline: [{ $match: { $expr: { $and: [ofPairing, { $in: ['$state', ['confirmed', null]] }] } } }] },
  { name: 'reversed ranges', pipeline: [{ $match: { $expr: { $and: [ofPairing, { $lt: ['2026-02-01', '$date'] }, { $gte: ['2026-12-31', '$date'] }] } } }] },
  { name: 'a field that is not indexed (arrays in it)', pipeline: [{ $match: { $expr: { $and: [ofPairing, { $eq: ['$kind', '$$kind'] }] } } }], let: { key: '$key', kind: '$kind' } },
  { name: 'only a field that is not indexed', pipeline: [{ $match: { $expr: { $eq: ['$kind', '$$kind'] } } }], let: { kind: '$kind' } },
  { name: 'a query part beside $expr, and a second $match', pipeline: [{ $match: { state: { $in: ['confirmed', 'draft'] }, $expr: ofPairing } }, { $match: { n: { $gte: 3 } } }] },
  { name: 'constants and $literal in let and expression', pipeline: [{ $match: { $expr: { $and: [{ $eq: ['$pairingId', '$$fixed'] }, { $eq: ['$state', { $literal: 'confirmed' }] }] } } }], let: { fixed: 'p2' } },
  { name: '$sort by date descending then $limit (home\'s latest)', pipeline: latest({ date: -1, _id: -1 }, 5) },
  { name: '$sort by date ascending (nil dates first) then $limit', pipeline: latest({ date: 1 }, 3) },
  { name: '$sort by a date-kind field then $limit (home\'s results)', pipeline: [{ $match: { $expr: { $and: [ofPairing, { $in: ['$state', ['confirmed', 'disputed']] }] } } }, { $sort: { updatedAt: -1, _id: -1 } }, { $limit: 4 }] },
  { name: '$sort + $limit where few candidates pass the match', pipeline: [{ $match: { $expr: ofPairing } }, { $match: { n: 10 } }, { $sort: { date: -1 } }, { $limit: 2 }] },
  { name: '$sort by a field that is not indexed', pipeline: [{ $match: { $expr: ofPairing } }, { $sort: { n: -1, _id: 1 } }, { $limit: 3 }] },
  { name: 'a nested lookup of the same collection', pipeline: [{ $match: { $expr: ofPairing } }, { $limit: 2 }, { $lookup: { from: 'inner', let: { d: '$date' }, pipeline: [{ $match: { $expr: { $eq: ['$date', '$$d'] } } }, { $project: { _id: 1 } }], as: 'sameDay' } }] },
];

async function answer(pipeline: object[], letSpec: Record<string, unknown>, pushdown: boolean): Promise<unknown[]> {
  engineOf(h.local).lookupPushdown = pushdown;
  try {
    const result = await h.db.collection('outer').aggregate().sort({ _id: 1 }).lookup({ from: 'inner', let: letSpec, pipeline, as: 'joined' }).limit(100).end();
    return result.list as unknown[];
  } finally {
    engineOf(h.local).lookupPushdown = true;
  }
}

describe('a $lookup sub-pipeline read through an index', () => {
  it.each(PIPELINES.map((entry) => [entry.name, entry] as const))('answers as mingo over the whole collection: %s', async (_name, entry) => {
    const letSpec = entry.let ?? { key: '$key' };
    const pushed = await answer(entry.pipeline, letSpec, true);
    const whole = await answer(entry.pipeline, letSpec, false);
    expect(pushed).toEqual(whole);
    expect(JSON.stringify(pushed)).toBe(JSON.stringify(whole));
    expect(pushed.length).toBe(KEYS.length + 1);
  });

  it('joins some documents with something, so the comparisons are not of empty answers', async () => {
    const joined = (await answer(latest({ date: -1, _id: -1 }, 5), { key: '$key' }, true)) as Array<{ _id: string; joined: unknown[] }>;
    expect(joined.find((doc) => doc._id === 'o3')!.joined).toHaveLength(5);
    expect(joined.filter((doc) => doc.joined.length > 0).length).toBeGreaterThanOrEqual(4);
  });

  it('reads only the joined pairing\'s documents, and only the latest of them for $sort + $limit', async () => {
    const read = async (pipeline: object[], pushdown: boolean) => {
      engineOf(h.local).lookupPushdown = pushdown;
      h.local.resetStats();
      try {
        await h.db.collection('outer').aggregate().match({ _id: 'o3' }).lookup({ from: 'inner', let: { key: '$key' }, pipeline, as: 'joined' }).limit(10).end();
      } finally {
        engineOf(h.local).lookupPushdown = true;
      }
      return h.local.stats;
    };
    // Without the pushdown the whole collection is read (400 documents, and the outer one).
    expect((await read([{ $match: { $expr: ofPairing } }], false)).documentsRead).toBe(401);
    const pairing = await read([{ $match: { $expr: ofPairing } }], true);
    expect(pairing.documentsRead).toBe(151);
    expect(pairing.indexScans).toBeGreaterThanOrEqual(1);
    // The latest five of 150: those at or after the fifth date, ties and documents without a date included.
    const newest = await read(latest({ date: -1, _id: -1 }, 5), true);
    expect(newest.documentsRead).toBeLessThan(60);
    expect(newest.documentsRead).toBeGreaterThanOrEqual(6);
  });
});
