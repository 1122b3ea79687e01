import { spec, startLocalCloud, type Harness } from './helpers';

describe('LocalDatabase.find: the local cloud reading its own database without the SDK', () => {
  let h: Harness;
  beforeEach(async () => {
    h = startLocalCloud([spec('people', [{ name: 'byDemo', fields: [{ path: 'demo', kind: 'boolean' }] }])]);
    await h.db.collection('people').add({ data: [{ _id: 'c', demo: true, order: 3 }, { _id: 'a', demo: true, order: 1 }, { _id: 'x', demo: false, order: 0 }, { _id: 'b', demo: true, order: 2 }] });
  });
  afterEach(() => h.close());

  it('filters, orders and limits as a query through the SDK does', async () => {
    const direct = h.local.find('people', { demo: true }, { order: { order: 1 }, limit: 2 });
    const { data } = await h.db.collection('people').where({ demo: true }).orderBy('order', 'asc').limit(2).get();
    expect(direct.map((doc) => doc._id)).toEqual(['a', 'b']);
    expect(direct).toEqual(data);
  });

  it('is not a wire request', () => {
    h.local.resetStats();
    h.local.find('people', {});
    expect(h.local.stats.requests).toBe(0);
  });
});
