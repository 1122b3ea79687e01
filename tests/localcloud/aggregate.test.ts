import { expectCloudError, spec, startLocalCloud, type Harness, type Sdk } from './helpers';

describe('aggregate()', () => {
  let h: Harness;
  let _: Sdk;
  let $: Sdk;
  const agg = () => h.db.collection('orders').aggregate();

  beforeAll(async () => {
    h = startLocalCloud([spec('orders'), spec('users'), spec('big')]);
    _ = h._;
    $ = h.$;
    await h.db.collection('users').add({
      data: [
        { _id: 'u1', name: 'Ann', vip: true },
        { _id: 'u2', name: 'Ben', vip: false },
      ],
    });
    await h.db.collection('orders').add({
      data: [
        { _id: 'o1', user: 'u1', amount: 10, items: ['x', 'y'], at: new Date('2024-01-05T00:00:00Z') },
        { _id: 'o2', user: 'u1', amount: 30, items: ['x'], at: new Date('2024-02-05T00:00:00Z') },
        { _id: 'o3', user: 'u2', amount: 5, items: [], at: new Date('2024-02-10T00:00:00Z') },
        { _id: 'o4', user: 'u3', amount: 55, items: ['z'], at: new Date('2024-03-01T00:00:00Z') },
      ],
    });
    await h.db.collection('big').add({ data: Array.from({ length: 30 }, (_unused, i) => ({ i })) });
  });
  afterAll(() => h.close());

  it('match + group + sort with accumulators', async () => {
    const res = await agg()
      .match({ amount: _.gte(5) })
      .group({ _id: '$user', total: $.sum('$amount'), n: $.sum(1), avg: $.avg('$amount'), max: $.max('$amount') })
      .sort({ total: -1 })
      .end();
    expect(res.errMsg).toBe('collection.aggregate:ok');
    expect(res.list).toEqual([
      { _id: 'u3', total: 55, n: 1, avg: 55, max: 55 },
      { _id: 'u1', total: 40, n: 2, avg: 20, max: 30 },
      { _id: 'u2', total: 5, n: 1, avg: 5, max: 5 },
    ]);
  });

  it('skip + limit + project + addFields with aggregate expressions', async () => {
    const res = await agg()
      .sort({ amount: 1 })
      .skip(1)
      .limit(2)
      .addFields({ doubled: $.multiply(['$amount', 2]), month: $.month('$at') })
      .project({ _id: 0, amount: 1, doubled: 1, month: 1, big: $.gt(['$amount', 20]) })
      .end();
    expect(res.list).toEqual([
      { amount: 10, doubled: 20, month: 1, big: false },
      { amount: 30, doubled: 60, month: 2, big: true },
    ]);
  });

  it('lookup with localField / foreignField', async () => {
    const res = await agg()
      .lookup({ from: 'users', localField: 'user', foreignField: '_id', as: 'buyer' })
      .match({ _id: _.in(['o1', 'o4']) })
      .project({ buyer: 1 })
      .end();
    expect(res.list).toEqual([
      { _id: 'o1', buyer: [{ _id: 'u1', name: 'Ann', vip: true }] },
      { _id: 'o4', buyer: [] },
    ]);
  });

  it('lookup with let + pipeline', async () => {
    const res = await h.db
      .collection('users')
      .aggregate()
      .lookup({
        from: 'orders',
        let: { uid: '$_id' },
        pipeline: $.pipeline()
          .match(_.expr($.and([$.eq(['$user', '$$uid']), $.gte(['$amount', 20])])))
          .project({ _id: 0, amount: 1 })
          .done(),
        as: 'bigOrders',
      })
      .sort({ _id: 1 })
      .end();
    expect(res.list).toEqual([
      { _id: 'u1', name: 'Ann', vip: true, bigOrders: [{ amount: 30 }] },
      { _id: 'u2', name: 'Ben', vip: false, bigOrders: [] },
    ]);
  });

  it('lookup of a missing collection fails with -502005', async () => {
    await expectCloudError(agg().lookup({ from: 'nope', localField: 'user', foreignField: '_id', as: 'x' }).end(), {
      errCode: -502005,
      errMsg: /^collection\.aggregate:fail -502005 database collection not exists/,
    });
  });

  it('unwind + sortByCount', async () => {
    const unwound = await agg().unwind('$items').project({ _id: 1, items: 1 }).end();
    expect(unwound.list).toEqual([
      { _id: 'o1', items: 'x' },
      { _id: 'o1', items: 'y' },
      { _id: 'o2', items: 'x' },
      { _id: 'o4', items: 'z' },
    ]);
    const counted = await agg().unwind('$items').sortByCount('$items').end();
    expect(counted.list[0]).toEqual({ _id: 'x', count: 2 });
    expect(counted.list).toHaveLength(3);
  });

  it('count + replaceRoot + sample + bucket + bucketAuto', async () => {
    expect((await agg().match({ amount: _.gt(8) }).count('n').end()).list).toEqual([{ n: 3 }]);
    const replaced = await agg().match({ _id: 'o1' }).replaceRoot({ newRoot: { id: '$_id', sum: '$amount' } }).end();
    expect(replaced.list).toEqual([{ id: 'o1', sum: 10 }]);
    const sampled = await agg().sample({ size: 2 }).end();
    expect(sampled.list).toHaveLength(2);
    const bucketed = await agg()
      .bucket({ groupBy: '$amount', boundaries: [0, 10, 50], default: 'other', output: { n: $.sum(1) } })
      .end();
    expect(bucketed.list).toEqual([
      { _id: 0, n: 1 },
      { _id: 10, n: 2 },
      { _id: 'other', n: 1 },
    ]);
    // [lower, upper) ranges; empty buckets (here [40, 50)) are not emitted; sorted by _id.
    const edges = await agg()
      .bucket({ groupBy: '$amount', boundaries: [0, 10, 20, 40, 50], default: -1 })
      .end();
    expect(edges.list).toEqual([
      { _id: -1, count: 1 },
      { _id: 0, count: 1 },
      { _id: 10, count: 1 },
      { _id: 20, count: 1 },
    ]);
    const auto = await agg().bucketAuto({ groupBy: '$amount', buckets: 2 }).end();
    expect(auto.list).toHaveLength(2);
  });

  it('group on dates and conditional expressions', async () => {
    const res = await agg()
      .group({
        _id: $.dateToString({ date: '$at', format: '%Y-%m' }),
        large: $.sum($.cond({ if: $.gte(['$amount', 30]), then: 1, else: 0 })),
      })
      .sort({ _id: 1 })
      .end();
    expect(res.list).toEqual([
      { _id: '2024-01', large: 0 },
      { _id: '2024-02', large: 1 },
      { _id: '2024-03', large: 1 },
    ]);
  });

  it('without a limit stage at most 20 results come back; with limit more, but never over 10000', async () => {
    expect((await h.db.collection('big').aggregate().match({}).end()).list).toHaveLength(20);
    expect((await h.db.collection('big').aggregate().match({}).limit(25).end()).list).toHaveLength(25);
    await h.db.createCollection('huge');
    for (let start = 0; start < 10_050; start += 1000) {
      await h.db.collection('huge').add({ data: Array.from({ length: Math.min(1000, 10_050 - start) }, (_unused, i) => ({ i: start + i })) });
    }
    const capped = await h.db.collection('huge').aggregate().match({}).limit(20_000).end();
    expect(capped.list).toHaveLength(10_000);
    expect((await h.db.collection('huge').aggregate().count('n').end()).list).toEqual([{ n: 10_050 }]);
  });

  it('stages the SDK declares but cannot send (facet, graphLookup, out) fail before any request', async () => {
    const before = h.local.stats.requests;
    expect(() => agg().facet({ a: [] })).toThrow(TypeError);
    expect(() => agg().graphLookup({})).toThrow(TypeError);
    expect(() => agg().out('x')).toThrow(TypeError);
    expect(h.local.stats.requests).toBe(before);
  });

  it('a raw pipeline with a stage the cloud does not offer is refused', async () => {
    const raw = h.db.collection('orders')._collection.options({ raw: true }).aggregate([{ $facet: { a: [] } }]);
    const res = await raw.end();
    expect(res).toMatchObject({ code: 'DATABASE_REQUEST_FAILED', message: "[FailedOperation] Unrecognized pipeline stage name: '$facet'" });
  });
});
