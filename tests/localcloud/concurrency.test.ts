import path from 'node:path';
import { spec, startLocalCloud, tempDir, type Harness, type Sdk } from './helpers';

describe.each([
  ['in memory', ':memory:'],
  ['on disk', 'file'],
])('concurrent writers (%s)', (_label, where) => {
  let h: Harness;
  let _: Sdk;
  beforeEach(async () => {
    const file = where === 'file' ? path.join(tempDir(), 'concurrency.sqlite') : where;
    h = startLocalCloud([spec('counters'), spec('events')], file);
    _ = h._;
    await h.db.collection('counters').add({ data: { _id: 'c', n: 0, log: [] } });
  });
  afterEach(() => h.close());

  it('200 concurrent inc updates give the exact total', async () => {
    const results = await Promise.all(
      Array.from({ length: 200 }, () => h.db.collection('counters').doc('c').update({ data: { n: _.inc(1) } })),
    );
    expect(results.every((res: { stats: { updated: number } }) => res.stats.updated === 1)).toBe(true);
    expect((await h.db.collection('counters').doc('c').get()).data.n).toBe(200);
  });

  it('concurrent push and where().update() lose nothing', async () => {
    await Promise.all([
      ...Array.from({ length: 50 }, (_unused, i) => h.db.collection('counters').doc('c').update({ data: { log: _.push([i]) } })),
      ...Array.from({ length: 50 }, () => h.db.collection('counters').where({ _id: 'c' }).update({ data: { n: _.inc(2) } })),
    ]);
    const doc = (await h.db.collection('counters').doc('c').get()).data;
    expect(doc.n).toBe(100);
    expect([...doc.log].sort((a: number, b: number) => a - b)).toEqual(Array.from({ length: 50 }, (_unused, i) => i));
  });

  it('200 concurrent adds all land', async () => {
    const ids = await Promise.all(
      Array.from({ length: 200 }, (_unused, i) => h.db.collection('events').add({ data: { i } }).then((res: { _id: string }) => res._id)),
    );
    expect(new Set(ids).size).toBe(200);
    expect((await h.db.collection('events').count()).total).toBe(200);
  });

  it('concurrent runTransaction increments on one document all commit (the caller retries write conflicts)', async () => {
    // A write conflict fails at once and wx-server-sdk wraps it (errCode -501001), so runTransaction does
    // not retry it: the caller must, as in WeChat.
    const increment = async (): Promise<number> => {
      for (;;) {
        try {
          return await h.db.runTransaction(async (tx: Sdk) => {
            const { data } = await tx.collection('counters').doc('c').get();
            await new Promise((resolve) => setImmediate(resolve));
            await tx.collection('counters').doc('c').update({ data: { n: data.n + 1 } });
            return data.n as number;
          });
        } catch (error) {
          if (!/database transaction conflict/.test(String((error as Error).message))) throw error;
        }
      }
    };
    const results = await Promise.all(Array.from({ length: 10 }, () => increment()));
    expect([...results].sort((a, b) => a - b)).toEqual(Array.from({ length: 10 }, (_unused, i) => i));
    expect((await h.db.collection('counters').doc('c').get()).data.n).toBe(10);
  });
});
