import path from 'node:path';
import Database from 'better-sqlite3';
import { LocalDatabase, type CollectionSpec, type IndexSpec } from '../../localcloud/db';
import { attach, expectCloudError, spec, startLocalCloud, tempDir, type Harness, type Sdk } from './helpers';
import { seededRandom } from '../../scripts/seed/seededRandom';

const INDEXES: IndexSpec[] = [
  {
    name: 'byStatus',
    fields: [
      { path: 'status', kind: 'string' },
      { path: 'createdAt', kind: 'date', order: 'desc' },
    ],
  },
  { name: 'byScore', fields: [{ path: 'score', kind: 'number' }] },
  { name: 'byFlag', fields: [{ path: 'flag', kind: 'boolean' }] },
  {
    name: 'byPeriod',
    fields: [
      { path: 'period.year', kind: 'number' },
      { path: 'period.month', kind: 'number' },
    ],
  },
  { name: 'byName', fields: [{ path: 'name', kind: 'string' }] },
  { name: 'byDue', fields: [{ path: 'due', kind: 'date' }] },
];

const NAMES = ['alpha', 'Beta', '共建', '！bang', '😀smile', 'zeta', 'Ωmega', '', 'ab', 'abc', '\uffffmax'];
const STATUSES = ['open', 'closed', 'pending', 'archived'];

function makeDocs(count: number): Record<string, unknown>[] {
  const next = seededRandom(42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const base = Date.UTC(2024, 0, 1);
  return Array.from({ length: count }, (_unused, i) => {
    const doc: Record<string, unknown> = { _id: `doc${String(i).padStart(4, '0')}`, i };
    const roll = next();
    if (roll < 0.85) doc.status = pick(STATUSES);
    else if (roll < 0.92) doc.status = null;
    if (next() < 0.9) doc.createdAt = new Date(base + Math.floor(next() * 90) * 86_400_000);
    if (next() < 0.9) doc.score = Math.floor(next() * 200) - 50 + (next() < 0.2 ? 0.5 : 0);
    if (next() < 0.8) doc.flag = next() < 0.5;
    if (next() < 0.85) doc.period = { year: 2022 + Math.floor(next() * 3), month: 1 + Math.floor(next() * 12) };
    else if (next() < 0.5) doc.period = null;
    if (next() < 0.9) doc.name = pick(NAMES);
    if (next() < 0.5) doc.due = new Date(base + Math.floor(next() * 30) * 86_400_000);
    doc.tags = next() < 0.5 ? ['x', pick(STATUSES)] : [];
    return doc;
  });
}

describe('index prefilter gives exactly the full-scan results', () => {
  let h: Harness;
  let _: Sdk;
  const docs = makeDocs(600);
  const d = (day: number) => new Date(Date.UTC(2024, 0, 1) + day * 86_400_000);

  beforeAll(async () => {
    h = startLocalCloud([spec('indexed', INDEXES), spec('plain')]);
    _ = h._;
    for (const name of ['indexed', 'plain']) {
      for (let start = 0; start < docs.length; start += 200) {
        await h.db.collection(name).add({ data: docs.slice(start, start + 200) });
      }
    }
  });
  afterAll(() => h.close());

  const queries: [string, () => object][] = [
    ['string equality', () => ({ status: 'open' })],
    ['null equality', () => ({ status: null })],
    ['$eq', () => ({ status: _.eq('closed') })],
    ['$in with null', () => ({ status: _.in(['open', null]) })],
    ['$in', () => ({ score: _.in([0, 10, 20.5, 100]) })],
    ['number range', () => ({ score: _.gte(10).and(_.lt(60)) })],
    ['number range with a fraction', () => ({ score: _.gt(-0.5) })],
    ['negative numbers', () => ({ score: _.lte(-10) })],
    ['boolean true', () => ({ flag: true })],
    ['boolean false', () => ({ flag: false })],
    ['boolean null', () => ({ flag: null })],
    ['date equality', () => ({ due: d(3) })],
    ['date range', () => ({ createdAt: _.gte(d(10)).and(_.lt(d(40))) })],
    ['compound index prefix + range', () => ({ status: 'pending', createdAt: _.gt(d(20)) })],
    ['nested path equality', () => ({ 'period.year': 2023 })],
    ['nested object (flattened by the SDK)', () => ({ period: { year: 2024, month: _.lte(6) } })],
    ['parent null', () => ({ 'period.year': null })],
    ['string range', () => ({ name: _.gt('alpha') })],
    ['string range below', () => ({ name: _.lt('b') })],
    ['string range with fullwidth bound', () => ({ name: _.lt('！z') })],
    ['string range with emoji bound', () => ({ name: _.gte('😀') })],
    ['string range with max char', () => ({ name: _.gte('\uffff') })],
    ['empty string', () => ({ name: '' })],
    ['$or of indexed fields', () => _.or([{ status: 'open' }, { score: _.gt(120) }])],
    ['$or with an unindexed branch', () => _.or([{ status: 'open' }, { i: 5 }])],
    ['$and', () => _.and([{ status: 'closed' }, { flag: true }])],
    ['indexed + unindexed', () => ({ status: 'archived', tags: 'x' })],
    ['indexed + neq', () => ({ score: _.gte(0), status: _.neq('open') })],
    ['indexed + regexp', () => ({ status: _.in(['open', 'closed']), name: /^a/ })],
    ['_id equality', () => ({ _id: 'doc0042' })],
    ['_id $in', () => ({ _id: _.in(['doc0001', 'doc0500', 'nope']) })],
    ['mismatched type on a string field', () => ({ status: 5 })],
    ['mismatched type on a date field', () => ({ due: '2024-01-04' })],
    ['exists on an indexed field', () => ({ score: _.exists(false) })],
    ['nin on an indexed field', () => ({ status: _.nin(['open', 'closed']) })],
  ];

  it.each(queries)('%s', async (_name, build) => {
    const run = async (collection: string) => {
      const res = await h.db.collection(collection).where(build()).orderBy('_id', 'asc').limit(1000).get();
      const total = (await h.db.collection(collection).where(build()).count()).total;
      return { ids: (res.data as { _id: string }[]).map((doc) => doc._id), total };
    };
    const full = await run('plain');
    const indexed = await run('indexed');
    expect(indexed).toEqual(full);
    expect(full.total).toBe(full.ids.length);
  });

  it('the indexed collection answers through the index', async () => {
    h.local.resetStats();
    await h.db.collection('indexed').where({ status: 'open' }).get();
    await h.db.collection('indexed').where({ 'period.year': 2023 }).count();
    await h.db.collection('indexed').where({ _id: 'doc0001' }).get();
    expect(h.local.stats).toMatchObject({ requests: 3, indexScans: 3, fullScans: 0 });
    await h.db.collection('plain').where({ status: 'open' }).get();
    await h.db.collection('indexed').where({ tags: 'x' }).get();
    expect(h.local.stats).toMatchObject({ requests: 5, indexScans: 3, fullScans: 2 });
  });

  it('ordering, skip and limit over prefiltered rows match the full scan', async () => {
    const page = async (collection: string) =>
      (
        await h.db
          .collection(collection)
          .where({ status: _.in(['open', 'pending']) })
          .orderBy('score', 'desc')
          .orderBy('createdAt', 'asc')
          .skip(7)
          .limit(25)
          .get()
      ).data;
    expect(await page('indexed')).toEqual(await page('plain'));
  });

  it('aggregate with a leading $match uses the index and matches the full scan', async () => {
    const run = async (collection: string) =>
      (
        await h.db
          .collection(collection)
          .aggregate()
          .match({ status: 'closed', score: _.gte(0) })
          .group({ _id: '$period.year', n: h.$.sum(1), total: h.$.sum('$score') })
          .sort({ _id: 1 })
          .limit(100)
          .end()
      ).list;
    h.local.resetStats();
    const indexed = await run('indexed');
    expect(h.local.stats.indexScans).toBe(1);
    expect(indexed).toEqual(await run('plain'));
    expect(indexed.length).toBeGreaterThan(0);
  });

  it('multi update and remove through the prefilter touch exactly the full-scan matches', async () => {
    for (const name of ['indexed', 'plain']) {
      await h.db.collection(name).where({ status: 'pending', score: _.lt(0) }).update({ data: { touched: true } });
    }
    const touched = async (collection: string) =>
      (await h.db.collection(collection).where({ touched: true }).orderBy('_id', 'asc').limit(1000).get()).data;
    expect(await touched('indexed')).toEqual(await touched('plain'));
    const removedIndexed = await h.db.collection('indexed').where({ flag: false, 'period.year': 2022 }).remove();
    const removedPlain = await h.db.collection('plain').where({ flag: false, 'period.year': 2022 }).remove();
    expect(removedIndexed.stats.removed).toBe(removedPlain.stats.removed);
    expect(removedIndexed.stats.removed).toBeGreaterThan(0);
    expect((await h.db.collection('indexed').count()).total).toBe((await h.db.collection('plain').count()).total);
  });
});

describe('declared indexes', () => {
  const users: CollectionSpec = spec('users', [
    { name: 'byPhone', unique: true, fields: [{ path: 'phone', kind: 'string' }] },
    {
      name: 'byOrgMember',
      unique: true,
      fields: [
        { path: 'org', kind: 'string' },
        { path: 'member', kind: 'string' },
      ],
    },
    { name: 'byJoined', fields: [{ path: 'joinedAt', kind: 'date' }] },
  ]);
  let h: Harness;
  beforeEach(() => {
    h = startLocalCloud([users]);
  });
  afterEach(() => h.close());

  it('a unique index refuses duplicates on add, set and update with the duplicate-key error', async () => {
    await h.db.collection('users').add({ data: { _id: 'u1', phone: '123', org: 'o', member: 'a' } });
    await expectCloudError(h.db.collection('users').add({ data: { phone: '123', org: 'o', member: 'b' } }), {
      errCode: -502001,
      errMsg:
        'collection.add:fail -502001 database request fail. [FailedOperation] E11000 duplicate key error collection: users index: byPhone dup key: { phone: "123" }',
    });
    await h.db.collection('users').add({ data: { _id: 'u2', phone: '456', org: 'o', member: 'b' } });
    await expectCloudError(h.db.collection('users').doc('u2').update({ data: { member: 'a' } }), {
      errCode: -502001,
      errMsg: /E11000 duplicate key error collection: users index: byOrgMember dup key: \{ org: "o", member: "a" \}/,
    });
    await expectCloudError(h.db.collection('users').doc('u3').set({ data: { phone: '456' } }), {
      errCode: -502001,
      errMsg: /index: byPhone/,
    });
    await expectCloudError(h.db.collection('users').where({ _id: 'u2' }).update({ data: { phone: '123' } }), {
      errCode: -502001,
      errMsg: /index: byPhone/,
    });
    expect((await h.db.collection('users').doc('u2').get()).data).toEqual({ _id: 'u2', phone: '456', org: 'o', member: 'b' });
    expect((await h.db.collection('users').count()).total).toBe(2);
  });

  it('like MongoDB, a missing field counts as null in a unique index', async () => {
    await h.db.collection('users').add({ data: { org: 'o', member: 'x' } });
    await expectCloudError(h.db.collection('users').add({ data: { org: 'o', member: 'y' } }), {
      errCode: -502001,
      errMsg: /index: byPhone dup key: \{ phone: null \}/,
    });
  });

  it('an indexed field must hold a scalar of its declared kind', async () => {
    await expectCloudError(h.db.collection('users').add({ data: { phone: ['1', '2'] } }), {
      errCode: -501007,
      errMsg: /indexed field 'phone' of collection users must not hold or pass through an array/,
    });
    await expectCloudError(h.db.collection('users').add({ data: { phone: 'p', joinedAt: '2024-01-01' } }), {
      errCode: -501007,
      errMsg: /indexed field 'joinedAt' of collection users is declared as date, got string/,
    });
    await h.db.collection('users').add({ data: { _id: 'ok', phone: 'p', joinedAt: new Date() } });
    await expectCloudError(h.db.collection('users').doc('ok').update({ data: { phone: 5 } }), {
      errCode: -501007,
      errMsg: /declared as string, got number/,
    });
  });

  it('ensureCollection is idempotent and adds/drops indexes on reopen', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'db.sqlite');
    const first = new LocalDatabase({ file });
    first.ensureCollection(users);
    first.ensureCollection(users);
    first.close();

    const inspect = () => {
      const raw = new Database(file, { readonly: true });
      const names = (raw.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'c_users' AND sql IS NOT NULL ORDER BY name").all() as { name: string }[]).map((row) => row.name);
      const plan = raw
        .prepare(`EXPLAIN QUERY PLAN SELECT _id FROM "c_users" WHERE json_extract(data, '$."joinedAt"."$date"') > ?`)
        .all(0) as { detail: string }[];
      raw.close();
      return { names, plan: plan.map((row) => row.detail).join(' | ') };
    };
    const before = inspect();
    expect(before.names).toEqual([
      'c_users__i__byJoined',
      'c_users__i__byOrgMember',
      'c_users__i__byPhone',
      'c_users__u__byOrgMember',
      'c_users__u__byPhone',
    ]);
    expect(before.plan).toContain('USING INDEX c_users__i__byJoined');

    const second = new LocalDatabase({ file });
    second.ensureCollection({
      ...users,
      indexes: [users.indexes[0] as IndexSpec, { name: 'byCity', fields: [{ path: 'city', kind: 'string' }] }],
    });
    second.close();
    expect(inspect().names).toEqual(['c_users__i__byCity', 'c_users__i__byPhone', 'c_users__u__byPhone']);
  });

  it('declaring a unique index over existing duplicates fails', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'dup.sqlite');
    const local = new LocalDatabase({ file });
    local.ensureCollection(spec('people'));
    const h2 = attach(local);
    await h2.db.collection('people').add({ data: [{ email: 'a' }, { email: 'a' }] });
    h2.close();
    const reopened = new LocalDatabase({ file });
    expect(() =>
      reopened.ensureCollection(spec('people', [{ name: 'byEmail', unique: true, fields: [{ path: 'email', kind: 'string' }] }])),
    ).toThrow(/E11000 duplicate key error collection: people index: byEmail/);
    expect(reopened.hasCollection('people')).toBe(true);
    reopened.close();
  });
});
