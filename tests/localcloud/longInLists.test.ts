/**
 * db.command.in with long lists on indexed fields and `_id`: pushed down to SQLite as one JSON
 * array (prefilter.ts), so a list beyond SQLite's 32,766 parameters still answers, and every
 * answer equals the full scan of an unindexed twin collection.
 */
import type { IndexSpec } from '../../localcloud/db';
import { spec, startLocalCloud, type Harness } from './helpers';

const INDEXES: IndexSpec[] = [
  { name: 'byCode', fields: [{ path: 'code', kind: 'string' }] },
  { name: 'byN', fields: [{ path: 'n', kind: 'number' }] },
];

const docs = Array.from({ length: 400 }, (_, i) => ({
  _id: `doc${String(i).padStart(4, '0')}`,
  ...(i % 7 === 0 ? {} : { code: i % 11 === 0 ? null : i % 13 === 0 ? `\ud83d\ude00${i}` : `c${i % 150}` }),
  n: i % 17 === 0 ? i + 0.5 : i,
}));

describe('long $in lists', () => {
  let h: Harness;
  beforeAll(async () => {
    h = startLocalCloud([spec('indexed', INDEXES), spec('plain')]);
    for (const name of ['indexed', 'plain']) {
      for (let start = 0; start < docs.length; start += 200) await h.db.collection(name).add({ data: docs.slice(start, start + 200) });
    }
  });
  afterAll(() => h.close());

  const ids = Array.from({ length: 33_000 }, (_, i) => `doc${String(i * 3).padStart(4, '0')}`);
  const queries: [string, () => object][] = [
    ['33,000 ids', () => ({ _id: h._.in(ids) })],
    ['300 codes and null', () => ({ code: h._.in([...Array.from({ length: 300 }, (_, i) => `c${i * 2}`), null]) })],
    ['300 numbers, strings among them', () => ({ n: h._.in(Array.from({ length: 300 }, (_, i) => (i % 4 === 0 ? `${i}` : i))) })],
    ['200 numbers with decimals', () => ({ n: h._.in(Array.from({ length: 200 }, (_, i) => i + (i % 2 === 0 ? 0 : 0.5))) })],
    ['200 codes with surrogates', () => ({ code: h._.in(Array.from({ length: 200 }, (_, i) => (i % 2 === 0 ? `\ud83d\ude00${i}` : `c${i}`))) })],
    ['ids or codes', () => h._.or([{ _id: h._.in(ids.slice(0, 500)) }, { code: h._.in(Array.from({ length: 120 }, (_, i) => `c${i}`)) }])],
  ];

  it.each(queries)('%s: the indexed answer equals the full scan', async (_name, build) => {
    const run = async (collection: string) => {
      const found: string[] = [];
      for (let skip = 0; ; skip += 100) {
        const page = (await h.db.collection(collection).where(build()).orderBy('_id', 'asc').skip(skip).limit(100).get()).data as { _id: string }[];
        found.push(...page.map((doc) => doc._id));
        if (page.length < 100) break;
      }
      return { found, total: (await h.db.collection(collection).where(build()).count()).total };
    };
    h.local.resetStats();
    const indexed = await run('indexed');
    expect(h.local.stats.fullScans).toBe(0);
    const full = await run('plain');
    expect(indexed).toEqual(full);
    expect(full.total).toBe(full.found.length);
    expect(full.total).toBeGreaterThan(0);
  });

  it('33,000 ids in an aggregation match', async () => {
    const run = async (collection: string) => (await h.db.collection(collection).aggregate().match({ _id: h._.in(ids) }).project({ code: 1 }).sort({ _id: 1 }).limit(1000).end()).list;
    const indexed = await run('indexed');
    expect(indexed).toEqual(await run('plain'));
    expect(indexed).toHaveLength(134);
  });
});
