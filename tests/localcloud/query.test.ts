import { spec, startLocalCloud, type Harness, type Sdk } from './helpers';

interface Person {
  _id: string;
  name: string;
  age: number;
  city?: string | null;
  tags: string[];
  scores: { subject: string; score: number }[];
  profile: { level: number; title: string };
  joined: Date;
}

const people: Person[] = [
  {
    _id: 'p1',
    name: 'Alice',
    age: 30,
    city: 'Beijing',
    tags: ['a', 'b'],
    scores: [{ subject: 'math', score: 90 }],
    profile: { level: 3, title: 'lead' },
    joined: new Date('2020-01-01T00:00:00Z'),
  },
  {
    _id: 'p2',
    name: 'bob',
    age: 25,
    city: 'Shanghai',
    tags: ['b'],
    scores: [{ subject: 'math', score: 60 }, { subject: 'art', score: 95 }],
    profile: { level: 1, title: 'dev' },
    joined: new Date('2021-06-01T00:00:00Z'),
  },
  {
    _id: 'p3',
    name: 'Carol',
    age: 35,
    city: null,
    tags: ['a', 'b', 'c'],
    scores: [],
    profile: { level: 2, title: 'dev' },
    joined: new Date('2019-03-01T00:00:00Z'),
  },
  {
    _id: 'p4',
    name: 'dave',
    age: 25,
    tags: [],
    scores: [{ subject: 'art', score: 70 }],
    profile: { level: 2, title: 'ops' },
    joined: new Date('2022-09-01T00:00:00Z'),
  },
];

describe('where() with every query command', () => {
  let h: Harness;
  let _: Sdk;
  const ids = async (query: Sdk): Promise<string[]> =>
    ((await query.get()).data as Person[]).map((doc) => doc._id).sort();
  const where = (condition: object) => h.db.collection('people').where(condition);

  beforeAll(async () => {
    h = startLocalCloud([spec('people')]);
    _ = h._;
    await h.db.collection('people').add({ data: people });
  });
  afterAll(() => h.close());

  it('equality, including dot paths and nested objects', async () => {
    expect(await ids(where({ age: 25 }))).toEqual(['p2', 'p4']);
    expect(await ids(where({ 'profile.title': 'dev' }))).toEqual(['p2', 'p3']);
    expect(await ids(where({ profile: { title: 'dev', level: 2 } }))).toEqual(['p3']);
    expect(await ids(where({ tags: 'c' }))).toEqual(['p3']);
    expect(await ids(where({ city: null }))).toEqual(['p3', 'p4']);
  });

  it('eq / neq / gt / gte / lt / lte', async () => {
    expect(await ids(where({ age: _.eq(30) }))).toEqual(['p1']);
    expect(await ids(where({ age: _.neq(25) }))).toEqual(['p1', 'p3']);
    expect(await ids(where({ age: _.gt(25) }))).toEqual(['p1', 'p3']);
    expect(await ids(where({ age: _.gte(30) }))).toEqual(['p1', 'p3']);
    expect(await ids(where({ age: _.lt(30) }))).toEqual(['p2', 'p4']);
    expect(await ids(where({ age: _.lte(25) }))).toEqual(['p2', 'p4']);
    expect(await ids(where({ joined: _.gte(new Date('2021-01-01T00:00:00Z')) }))).toEqual(['p2', 'p4']);
    expect(await ids(where({ name: _.gt('Z') }))).toEqual(['p2', 'p4']);
  });

  it('in / nin', async () => {
    expect(await ids(where({ city: _.in(['Beijing', 'Shanghai']) }))).toEqual(['p1', 'p2']);
    expect(await ids(where({ age: _.nin([25, 30]) }))).toEqual(['p3']);
    expect(await ids(where({ tags: _.in(['c']) }))).toEqual(['p3']);
  });

  it('and / or / not / nor', async () => {
    expect(await ids(where({ age: _.gt(20).and(_.lt(30)) }))).toEqual(['p2', 'p4']);
    expect(await ids(where(_.and([{ age: 25 }, { 'profile.level': 2 }])))).toEqual(['p4']);
    expect(await ids(where(_.or([{ age: 35 }, { city: 'Beijing' }])))).toEqual(['p1', 'p3']);
    expect(await ids(where({ age: _.lt(26).or(_.gt(33)) }))).toEqual(['p2', 'p3', 'p4']);
    expect(await ids(where({ age: _.not(_.eq(25)) }))).toEqual(['p1', 'p3']);
    expect(await ids(where({ age: _.nor([_.eq(25), _.eq(30)]) }))).toEqual(['p3']);
    expect(await ids(where(_.nor([{ age: 25 }, { city: 'Beijing' }])))).toEqual(['p3']);
  });

  it('exists / size / elemMatch / all / mod', async () => {
    expect(await ids(where({ city: _.exists(false) }))).toEqual(['p4']);
    expect(await ids(where({ city: _.exists(true) }))).toEqual(['p1', 'p2', 'p3']);
    expect(await ids(where({ tags: _.size(2) }))).toEqual(['p1']);
    expect(await ids(where({ scores: _.elemMatch({ subject: 'math', score: _.gte(80) }) }))).toEqual(['p1']);
    expect(await ids(where({ scores: _.elemMatch({ score: _.gt(90) }) }))).toEqual(['p2']);
    expect(await ids(where({ tags: _.all(['a', 'b']) }))).toEqual(['p1', 'p3']);
    expect(await ids(where({ age: _.mod([10, 5]) }))).toEqual(['p2', 'p3', 'p4']);
  });

  it('RegExp and db.RegExp', async () => {
    expect(await ids(where({ name: /^[a-c]/ }))).toEqual(['p2']);
    expect(await ids(where({ name: /^[a-c]/i }))).toEqual(['p1', 'p2', 'p3']);
    expect(await ids(where({ name: h.db.RegExp({ regexp: 'A', options: 'i' }) }))).toEqual(['p1', 'p3', 'p4']);
    expect(await ids(where({ 'profile.title': h.db.RegExp({ regexp: '^d' }) }))).toEqual(['p2', 'p3']);
  });

  it('orderBy on several fields, skip and limit', async () => {
    const res = await h.db.collection('people').orderBy('age', 'asc').orderBy('name', 'desc').get();
    expect(res.errMsg).toBe('collection.get:ok');
    expect(res.data.map((doc: Person) => doc._id)).toEqual(['p4', 'p2', 'p1', 'p3']);
    const page = await h.db.collection('people').orderBy('joined', 'desc').skip(1).limit(2).get();
    expect(page.data.map((doc: Person) => doc._id)).toEqual(['p2', 'p1']);
    const nested = await h.db.collection('people').orderBy('profile.level', 'desc').orderBy('_id', 'asc').get();
    expect(nested.data.map((doc: Person) => doc._id)).toEqual(['p1', 'p3', 'p4', 'p2']);
  });

  it('count() ignores skip and limit', async () => {
    expect(await h.db.collection('people').where({ age: 25 }).count()).toEqual({ total: 2, errMsg: 'collection.count:ok' });
    expect((await h.db.collection('people').skip(3).limit(1).count()).total).toBe(4);
  });

  it('field() includes or excludes fields', async () => {
    const included = await h.db.collection('people').where({ _id: 'p1' }).field({ name: true, 'profile.level': true }).get();
    expect(included.data).toEqual([{ _id: 'p1', name: 'Alice', profile: { level: 3 } }]);
    const excluded = await h.db
      .collection('people')
      .where({ _id: 'p4' })
      .field({ scores: false, tags: false, joined: false, profile: false })
      .get();
    expect(excluded.data).toEqual([{ _id: 'p4', name: 'dave', age: 25 }]);
    const withoutId = await h.db.collection('people').where({ _id: 'p2' }).field({ _id: false, name: true }).get();
    expect(withoutId.data).toEqual([{ name: 'bob' }]);
  });

  it('db.command.expr with aggregate expressions', async () => {
    const $ = h.$;
    expect(await ids(where(_.expr($.gt(['$age', '$profile.level'])))))
      .toEqual(['p1', 'p2', 'p3', 'p4']);
    expect(await ids(where(_.expr($.eq([$.size('$tags'), 3]))))).toEqual(['p3']);
  });

  it('geo queries are refused (not supported locally)', async () => {
    await expect(where({ loc: _.geoNear({ geometry: new h.db.Geo.Point(116, 39), maxDistance: 10 }) }).get()).rejects.toMatchObject({
      errCode: -502001,
      errMsg: expect.stringContaining('geo query operator $nearSphere is not supported'),
    });
  });
});

describe('limits of server-side get()', () => {
  let h: Harness;
  beforeAll(async () => {
    h = startLocalCloud([spec('many')]);
    const docs = Array.from({ length: 1200 }, (_, i) => ({ _id: `d${String(i).padStart(4, '0')}`, i }));
    for (let start = 0; start < docs.length; start += 300) {
      await h.db.collection('many').add({ data: docs.slice(start, start + 300) });
    }
  });
  afterAll(() => h.close());

  it('returns 100 documents by default', async () => {
    const res = await h.db.collection('many').get();
    expect(res.data).toHaveLength(100);
    expect(res.data[0].i).toBe(0);
    expect(res.data[99].i).toBe(99);
  });

  it('returns at most 1000 (the SDK clamps a larger limit)', async () => {
    expect((await h.db.collection('many').limit(1000).get()).data).toHaveLength(1000);
    const clamped = await h.db.collection('many').limit(5000).get();
    expect(clamped.data).toHaveLength(1000);
    expect((await h.db.collection('many').skip(1100).limit(1000).get()).data).toHaveLength(100);
    expect((await h.db.collection('many').count()).total).toBe(1200);
  });

  it('refuses a negative limit or skip', async () => {
    await expect(h.db.collection('many').limit(-5).get()).rejects.toMatchObject({
      errCode: -501007,
      errMsg: 'collection.get:fail -501007 invalid parameters. [InvalidParameter] limit must be a positive integer',
    });
    await expect(h.db.collection('many').skip(-1).get()).rejects.toMatchObject({ errCode: -501007 });
  });

  it('where().update() / where().remove() change every match, not only 100', async () => {
    const updated = await h.db.collection('many').where({ i: h._.gte(0) }).update({ data: { seen: true } });
    expect(updated).toEqual({ stats: { updated: 1200 }, errMsg: 'collection.update:ok' });
    const removed = await h.db.collection('many').where({ i: h._.gte(600) }).remove();
    expect(removed).toEqual({ stats: { removed: 600 }, errMsg: 'collection.remove:ok' });
    expect((await h.db.collection('many').where({ seen: true }).count()).total).toBe(600);
  });
});
