import { expectCloudError, spec, startLocalCloud, type Harness, type Sdk } from './helpers';

describe('update commands', () => {
  let h: Harness;
  let _: Sdk;
  const get = async (id: string) => (await h.db.collection('items').doc(id).get()).data;
  const update = (id: string, data: object) => h.db.collection('items').doc(id).update({ data });

  beforeEach(async () => {
    h = startLocalCloud([spec('items')]);
    _ = h._;
    await h.db.collection('items').add({
      data: {
        _id: 'i',
        n: 10,
        price: 2,
        low: 5,
        high: 5,
        tags: ['a', 'b', 'c', 'b'],
        list: [3, 1, 2],
        nested: { keep: 1, drop: 2 },
        old: 'name',
      },
    });
  });
  afterEach(() => h.close());

  it('set / remove / inc / mul / min / max / rename', async () => {
    const res = await update('i', {
      nested: _.set({ only: true }),
      old: _.rename('renamed'),
      n: _.inc(5),
      price: _.mul(3),
      low: _.min(1),
      high: _.max(9),
      tags: _.remove(),
    });
    expect(res.stats.updated).toBe(1);
    expect(await get('i')).toEqual({
      _id: 'i',
      n: 15,
      price: 6,
      low: 1,
      high: 9,
      list: [3, 1, 2],
      nested: { only: true },
      renamed: 'name',
    });
  });

  it('remove() of a nested field through a dot path', async () => {
    await update('i', { nested: { drop: _.remove() } });
    expect((await get('i')).nested).toEqual({ keep: 1 });
  });

  it('push (plain, each/position/slice/sort) and unshift', async () => {
    await update('i', { tags: _.push(['d', 'e']) });
    expect((await get('i')).tags).toEqual(['a', 'b', 'c', 'b', 'd', 'e']);
    await update('i', { list: _.push({ each: [9, 0], position: 1, sort: 1, slice: 4 }) });
    expect((await get('i')).list).toEqual([0, 1, 2, 3]);
    await update('i', { list: _.unshift([-2, -1]) });
    expect((await get('i')).list).toEqual([-2, -1, 0, 1, 2, 3]);
  });

  it('pull / pullAll / addToSet', async () => {
    await update('i', { tags: _.pull('b') });
    expect((await get('i')).tags).toEqual(['a', 'c']);
    await update('i', { list: _.pull(_.gte(2)) });
    expect((await get('i')).list).toEqual([1]);
    await update('i', { tags: _.addToSet('a') });
    await update('i', { tags: _.addToSet('z') });
    expect((await get('i')).tags).toEqual(['a', 'c', 'z']);
    await update('i', { tags: _.addToSet({ $each: ['y', 'z'] }) });
    expect((await get('i')).tags).toEqual(['a', 'c', 'z', 'y']);
    await update('i', { tags: _.pullAll(['a', 'y']) });
    expect((await get('i')).tags).toEqual(['c', 'z']);
  });

  it('pop / shift', async () => {
    await update('i', { list: _.pop() });
    expect((await get('i')).list).toEqual([3, 1]);
    await update('i', { list: _.shift() });
    expect((await get('i')).list).toEqual([1]);
  });

  it('bit', async () => {
    await update('i', { n: _.bit({ and: 6 }) });
    expect((await get('i')).n).toBe(2);
  });

  it('serverDate() in an update', async () => {
    const before = Date.now();
    await update('i', { touchedAt: h.db.serverDate({ offset: -1000 }) });
    const touched = (await get('i')).touchedAt as Date;
    expect(touched).toBeInstanceOf(Date);
    expect(touched.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(touched.getTime()).toBeLessThanOrEqual(Date.now() - 1000);
  });

  it('conflicting paths are refused and nothing is written', async () => {
    await expectCloudError(update('i', { n: _.inc(1), 'n.x': 2 }), {
      errCode: -502001,
      errMsg: /updating the path 'n\.x' would create a conflict/,
    });
    expect((await get('i')).n).toBe(10);
  });

  it('an update that would store a $ field or a dotted key is refused', async () => {
    await expectCloudError(update('i', { x: _.set({ $bad: 1 }) }), { errCode: -501007, errMsg: /dollar/ });
  });
});

describe('where().update() and where().remove()', () => {
  let h: Harness;
  let _: Sdk;
  beforeEach(async () => {
    h = startLocalCloud([spec('rows')]);
    _ = h._;
    await h.db.collection('rows').add({
      data: [
        { _id: 'a', group: 1, v: 1 },
        { _id: 'b', group: 1, v: 2 },
        { _id: 'c', group: 2, v: 3 },
        { _id: 'd', group: 2, v: 3 },
      ],
    });
  });
  afterEach(() => h.close());

  const values = async () =>
    ((await h.db.collection('rows').orderBy('_id', 'asc').get()).data as { _id: string; v: number }[]).map((d) => d.v);

  it('updates every match and reports how many changed', async () => {
    const res = await h.db.collection('rows').where({ group: 1 }).update({ data: { v: _.inc(10) } });
    expect(res).toEqual({ stats: { updated: 2 }, errMsg: 'collection.update:ok' });
    expect(await values()).toEqual([11, 12, 3, 3]);
  });

  it('counts only documents that actually changed', async () => {
    const res = await h.db.collection('rows').where({ v: _.gte(2) }).update({ data: { v: 3 } });
    expect(res.stats.updated).toBe(1);
  });

  it('multi: false updates / removes only the first match', async () => {
    const updated = await h.db.collection('rows').where({ group: 2 }).update({ data: { v: 0 }, multi: false });
    expect(updated.stats.updated).toBe(1);
    expect(await values()).toEqual([1, 2, 0, 3]);
    const removed = await h.db.collection('rows').where({ group: 2 }).remove({ multi: false });
    expect(removed).toEqual({ stats: { removed: 1 }, errMsg: 'collection.remove:ok' });
    expect(await values()).toEqual([1, 2, 3]);
  });

  it('removes every match', async () => {
    expect((await h.db.collection('rows').where({ v: _.in([1, 3]) }).remove()).stats.removed).toBe(3);
    expect(await values()).toEqual([2]);
  });

  it('where({}) is explicit; a bare collection.update()/remove() without where() is refused', async () => {
    await expectCloudError(h.db.collection('rows').update({ data: { x: 1 } }), {
      errCode: -501007,
      errMsg: /update of many documents requires a where\(\) condition/,
    });
    await expectCloudError(h.db.collection('rows').remove(), {
      errCode: -501007,
      errMsg: /remove of many documents requires a where\(\) condition/,
    });
    expect((await h.db.collection('rows').where({}).update({ data: { x: 1 } })).stats.updated).toBe(4);
    expect((await h.db.collection('rows').where({}).remove()).stats.removed).toBe(4);
  });

  it('positional $ updates the matched array element', async () => {
    await h.db.collection('rows').add({ data: { _id: 'arr', items: [{ k: 'x', n: 1 }, { k: 'y', n: 1 }] } });
    await h.db.collection('rows').where({ _id: 'arr', 'items.k': 'y' }).update({ data: { 'items.$.n': _.inc(5) } });
    expect((await h.db.collection('rows').doc('arr').get()).data.items).toEqual([
      { k: 'x', n: 1 },
      { k: 'y', n: 6 },
    ]);
  });
});
