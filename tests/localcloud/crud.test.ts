import { COLLECTION_NOT_EXISTS, expectCloudError, spec, startLocalCloud, type Harness } from './helpers';

describe('documents: add / doc().get / set / update / remove', () => {
  let h: Harness;
  beforeEach(() => {
    h = startLocalCloud([spec('todos')]);
  });
  afterEach(() => h.close());

  it('add() assigns a 32-hex string _id and returns {_id, errMsg}', async () => {
    const res = await h.db.collection('todos').add({ data: { title: 'a', done: false } });
    expect(res.errMsg).toBe('collection.add:ok');
    expect(res._id).toMatch(/^[0-9a-f]{32}$/);
    const got = await h.db.collection('todos').doc(res._id).get();
    expect(got).toEqual({ data: { _id: res._id, title: 'a', done: false }, errMsg: 'document.get:ok' });
  });

  it('add() keeps a given _id and refuses a duplicate _id', async () => {
    const res = await h.db.collection('todos').add({ data: { _id: 'fixed', n: 1 } });
    expect(res).toEqual({ _id: 'fixed', errMsg: 'collection.add:ok' });
    const error = await expectCloudError(h.db.collection('todos').add({ data: { _id: 'fixed', n: 2 } }), {
      errCode: -502001,
      errMsg:
        'collection.add:fail -502001 database request fail. [FailedOperation] E11000 duplicate key error collection: todos index: _id_ dup key: { _id: "fixed" }',
    });
    expect(error).toBeInstanceOf(Error);
    expect((await h.db.collection('todos').doc('fixed').get()).data.n).toBe(1);
  });

  it('add() with an array of documents inserts all of them and returns {_ids}', async () => {
    const res = await h.db.collection('todos').add({ data: [{ n: 1 }, { n: 2 }, { _id: 'three', n: 3 }] });
    expect(res.errMsg).toBe('collection.add:ok');
    expect(res._ids).toHaveLength(3);
    expect(res._ids[2]).toBe('three');
    const { data } = await h.db.collection('todos').orderBy('n', 'asc').get();
    expect(data.map((doc: { n: number }) => doc.n)).toEqual([1, 2, 3]);
    expect(data.map((doc: { _id: string }) => doc._id)).toEqual(res._ids);
  });

  it('an array add() with a duplicate inserts nothing (one atomic write)', async () => {
    await h.db.collection('todos').add({ data: { _id: 'x' } });
    await expectCloudError(h.db.collection('todos').add({ data: [{ _id: 'y' }, { _id: 'x' }] }), {
      errCode: -502001,
      errMsg: /duplicate key error collection: todos index: _id_/,
    });
    expect((await h.db.collection('todos').count()).total).toBe(1);
  });

  it('server-side writes get no _openid', async () => {
    const { _id } = await h.db.collection('todos').add({ data: { a: 1 } });
    await h.db.collection('todos').doc('s1').set({ data: { a: 2 } });
    const docs = (await h.db.collection('todos').get()).data;
    expect(docs).toHaveLength(2);
    for (const doc of docs) expect(doc).not.toHaveProperty('_openid');
    expect(docs[0]._id).toBe(_id);
  });

  it('stores every value type and round-trips it', async () => {
    const when = new Date('2024-05-06T07:08:09.123Z');
    const data = {
      s: '共建',
      i: 42,
      f: 1.5,
      neg: -7,
      big: 2 ** 40,
      t: true,
      nil: null,
      d: when,
      nested: { deep: { list: [1, 'two', { three: 3 }], at: when } },
      empty: {},
      arr: [],
    };
    const { _id } = await h.db.collection('todos').add({ data });
    const got = (await h.db.collection('todos').doc(_id).get()).data;
    expect(got).toEqual({ _id, ...data });
    expect(got.d).toBeInstanceOf(Date);
    expect(got.nested.deep.at.getTime()).toBe(when.getTime());
  });

  it('db.serverDate() is stored as a real Date (with offset)', async () => {
    const before = Date.now();
    const { _id } = await h.db.collection('todos').add({
      data: { at: h.db.serverDate(), later: h.db.serverDate({ offset: 60_000 }) },
    });
    const after = Date.now();
    const { data } = await h.db.collection('todos').doc(_id).get();
    expect(data.at).toBeInstanceOf(Date);
    expect(data.at.getTime()).toBeGreaterThanOrEqual(before);
    expect(data.at.getTime()).toBeLessThanOrEqual(after);
    expect(data.later.getTime() - data.at.getTime()).toBe(60_000);
    const found = await h.db.collection('todos').where({ at: h._.lte(h.db.serverDate()) }).count();
    expect(found.total).toBe(1);
  });

  it('doc().get() of a missing document throws like the SDK', async () => {
    await expectCloudError(h.db.collection('todos').doc('nope').get(), {
      errCode: -1,
      errMsg: 'document.get:fail document with _id nope does not exist',
    });
  });

  it('doc().field() projects the document', async () => {
    await h.db.collection('todos').add({ data: { _id: 'p', a: 1, b: 2, c: { d: 3, e: 4 } } });
    expect((await h.db.collection('todos').doc('p').field({ a: true, 'c.d': true }).get()).data).toEqual({
      _id: 'p',
      a: 1,
      c: { d: 3 },
    });
    expect((await h.db.collection('todos').doc('p').field({ b: false, c: false }).get()).data).toEqual({ _id: 'p', a: 1 });
  });

  it('doc().set() replaces an existing document and upserts a missing one', async () => {
    await h.db.collection('todos').add({ data: { _id: 'r', a: 1, b: { x: 1, y: 2 } } });
    const replaced = await h.db.collection('todos').doc('r').set({ data: { b: { x: 9 } } });
    expect(replaced).toEqual({ _id: 'r', errMsg: 'document.set:ok', stats: { updated: 1, created: 0 } });
    expect((await h.db.collection('todos').doc('r').get()).data).toEqual({ _id: 'r', b: { x: 9 } });

    const created = await h.db.collection('todos').doc('new').set({ data: { a: 5 } });
    expect(created).toEqual({ _id: 'new', errMsg: 'document.set:ok', stats: { updated: 0, created: 1 } });
    expect((await h.db.collection('todos').doc('new').get()).data).toEqual({ _id: 'new', a: 5 });

    const same = await h.db.collection('todos').doc('new').set({ data: { a: 5 } });
    // WeChat counts a replacement as an update even when the data is the same.
    expect(same.stats).toEqual({ updated: 1, created: 0 });
  });

  it('doc().update() merges nested objects into dot paths', async () => {
    await h.db.collection('todos').add({ data: { _id: 'u', a: 1, profile: { name: 'x', age: 3 } } });
    const res = await h.db.collection('todos').doc('u').update({ data: { profile: { age: 4 }, b: 2 } });
    expect(res).toEqual({ stats: { updated: 1 }, errMsg: 'document.update:ok' });
    expect((await h.db.collection('todos').doc('u').get()).data).toEqual({
      _id: 'u',
      a: 1,
      profile: { name: 'x', age: 4 },
      b: 2,
    });
  });

  it('doc().update() counts 0 for a missing document and for no change', async () => {
    expect((await h.db.collection('todos').doc('ghost').update({ data: { a: 1 } })).stats.updated).toBe(0);
    await h.db.collection('todos').add({ data: { _id: 'same', a: 1 } });
    expect((await h.db.collection('todos').doc('same').update({ data: { a: 1 } })).stats.updated).toBe(0);
    expect((await h.db.collection('todos').doc('same').update({ data: { a: 2 } })).stats.updated).toBe(1);
  });

  it('doc().remove() deletes one document', async () => {
    await h.db.collection('todos').add({ data: { _id: 'gone' } });
    expect(await h.db.collection('todos').doc('gone').remove()).toEqual({ stats: { removed: 1 }, errMsg: 'document.remove:ok' });
    expect((await h.db.collection('todos').doc('gone').remove()).stats.removed).toBe(0);
    await expectCloudError(h.db.collection('todos').doc('gone').get(), { errCode: -1, errMsg: /does not exist/ });
  });

  it('refuses field names starting with $ or containing a dot, as MongoDB does', async () => {
    await expectCloudError(h.db.collection('todos').add({ data: { 'a.b': 1 } }), {
      errCode: -501007,
      errMsg: /must not contain '\.'/,
    });
    await expectCloudError(h.db.collection('todos').doc('z').set({ data: { $x: 1 } }), {
      errCode: -501007,
      errMsg: /dollar \(\$\) prefixed field '\$x'/,
    });
    expect((await h.db.collection('todos').count()).total).toBe(0);
  });

  describe('a missing collection fails every operation with -502005', () => {
    const expected = (api: string) => ({ errCode: -502005, errMsg: `${api}:fail -502005 ${COLLECTION_NOT_EXISTS}` });
    it.each([
      ['collection.add', (h2: Harness) => h2.db.collection('missing').add({ data: { a: 1 } })],
      ['collection.get', (h2: Harness) => h2.db.collection('missing').where({ a: 1 }).get()],
      ['collection.count', (h2: Harness) => h2.db.collection('missing').count()],
      ['collection.update', (h2: Harness) => h2.db.collection('missing').where({ a: 1 }).update({ data: { a: 2 } })],
      ['collection.remove', (h2: Harness) => h2.db.collection('missing').where({ a: 1 }).remove()],
      ['document.get', (h2: Harness) => h2.db.collection('missing').doc('x').get()],
      ['document.set', (h2: Harness) => h2.db.collection('missing').doc('x').set({ data: { a: 1 } })],
      ['document.update', (h2: Harness) => h2.db.collection('missing').doc('x').update({ data: { a: 1 } })],
      ['document.remove', (h2: Harness) => h2.db.collection('missing').doc('x').remove()],
      ['collection.aggregate', (h2: Harness) => h2.db.collection('missing').aggregate().match({}).end()],
    ])('%s', async (api, run) => {
      await expectCloudError(run(h), expected(api));
    });
  });

  it('db.createCollection() creates a collection; creating it twice fails', async () => {
    expect(h.local.hasCollection('made')).toBe(false);
    const res = await h.db.createCollection('made');
    expect(res.errMsg).toBe('createCollection:ok');
    expect(h.local.hasCollection('made')).toBe(true);
    expect(h.local.listCollections()).toEqual(['made', 'todos']);
    await h.db.collection('made').add({ data: { ok: true } });
    expect((await h.db.collection('made').count()).total).toBe(1);
    await expectCloudError(h.db.createCollection('made'), {
      errCode: -501001,
      errMsg: 'createCollection:fail -501001 resource system error. [ResourceInUse] Table exist.',
    });
  });
});
