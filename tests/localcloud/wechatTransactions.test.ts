/**
 * WeChat's transaction semantics (快照隔离): snapshot reads from the start, a write lock per document,
 * an immediate conflict for a second transaction writing a locked document, and non-transactional
 * writes that wait for the lock. Also set() statistics and numeric _ids as WeChat answers them.
 */
import { spec, startLocalCloud, type Harness } from './helpers';

let h: Harness;
beforeEach(async () => {
  h = startLocalCloud([spec('accounts')]);
  await h.db.collection('accounts').add({ data: [{ _id: 'alice', balance: 100 }, { _id: 'bob', balance: 50 }] });
});
afterEach(() => h.close());

const balance = async (id: string | number) => (await h.db.collection('accounts').doc(id).get()).data.balance as number;

describe('snapshot reads', () => {
  it('a transaction reads documents as they were when it started, whatever others wrote since', async () => {
    const tx = await h.db.startTransaction();
    await h.db.collection('accounts').doc('alice').update({ data: { balance: 1 } });
    await h.db.collection('accounts').doc('carol').set({ data: { balance: 9 } });
    await h.db.collection('accounts').doc('bob').remove();
    expect((await tx.collection('accounts').doc('alice').get()).data.balance).toBe(100);
    expect((await tx.collection('accounts').doc('bob').get()).data.balance).toBe(50);
    await expect(tx.collection('accounts').doc('carol').get()).rejects.toMatchObject({ errMsg: expect.stringMatching(/does not exist/) });
    await tx.rollback();
  });

  it("another transaction's commit after the start is invisible too", async () => {
    const reader = await h.db.startTransaction();
    const writer = await h.db.startTransaction();
    await writer.collection('accounts').doc('alice').update({ data: { balance: 7 } });
    await writer.commit();
    expect((await reader.collection('accounts').doc('alice').get()).data.balance).toBe(100);
    expect(await balance('alice')).toBe(7);
    await reader.rollback();
  });
});

describe('write locks', () => {
  it('a second transaction writing a locked document fails at once, before any commit', async () => {
    const first = await h.db.startTransaction();
    const second = await h.db.startTransaction();
    await first.collection('accounts').doc('alice').update({ data: { balance: 1 } });
    await expect(second.collection('accounts').doc('alice').set({ data: { balance: 2 } })).rejects.toMatchObject({ errMsg: expect.stringContaining('database transaction conflict') });
    await first.commit();
    expect(await balance('alice')).toBe(1);
  });

  it('two transactions adding the same _id: the second conflicts at once', async () => {
    const first = await h.db.startTransaction();
    const second = await h.db.startTransaction();
    await first.collection('accounts').add({ data: { _id: 'dora', balance: 1 } });
    await expect(second.collection('accounts').add({ data: { _id: 'dora', balance: 2 } })).rejects.toMatchObject({ errMsg: expect.stringContaining('database transaction conflict') });
    await first.commit();
    expect(await balance('dora')).toBe(1);
  });

  it('the conflict ends the losing transaction and releases its locks', async () => {
    const first = await h.db.startTransaction();
    const second = await h.db.startTransaction();
    await second.collection('accounts').doc('bob').update({ data: { balance: 0 } });
    await first.collection('accounts').doc('alice').update({ data: { balance: 1 } });
    await expect(second.collection('accounts').doc('alice').update({ data: { balance: 2 } })).rejects.toMatchObject({ errCode: -501001 });
    // bob is free again: a third transaction may write it.
    const third = await h.db.startTransaction();
    await third.collection('accounts').doc('bob').update({ data: { balance: 3 } });
    await third.commit();
    await first.commit();
    expect([await balance('alice'), await balance('bob')]).toEqual([1, 3]);
  });

  it('a non-transactional write of a locked document waits for the commit, then applies on top of it', async () => {
    const tx = await h.db.startTransaction();
    await tx.collection('accounts').doc('alice').update({ data: { balance: 200 } });
    let done = false;
    const blocked = h.db
      .collection('accounts')
      .doc('alice')
      .update({ data: { balance: h._.inc(1) } })
      .then((result: { stats: { updated: number } }) => {
        done = true;
        return result;
      });
    for (let turn = 0; turn < 20; turn += 1) await new Promise((resolve) => setImmediate(resolve));
    expect(done).toBe(false);
    expect(await balance('alice')).toBe(100);
    await tx.commit();
    expect((await blocked).stats.updated).toBe(1);
    expect(await balance('alice')).toBe(201);
  });

  it('a where().update() touching a locked document waits for the commit and then sees the committed data', async () => {
    const tx = await h.db.startTransaction();
    await tx.collection('accounts').doc('bob').update({ data: { balance: 0 } });
    const blocked = h.db.collection('accounts').where({ balance: h._.gte(50) }).update({ data: { seen: true } });
    await tx.commit();
    expect((await blocked).stats.updated).toBe(1);
    expect((await h.db.collection('accounts').doc('bob').get()).data).toEqual({ _id: 'bob', balance: 0 });
  });

  it('a where().update() touching a locked document waits for the rollback too', async () => {
    const tx = await h.db.startTransaction();
    await tx.collection('accounts').doc('bob').update({ data: { balance: 0 } });
    const blocked = h.db.collection('accounts').where({ balance: h._.gte(50) }).update({ data: { seen: true } });
    await tx.rollback();
    expect((await blocked).stats.updated).toBe(2);
  });
});

describe('set() and _id as WeChat answers them', () => {
  it('doc().set() of unchanged data reports updated: 1', async () => {
    const result = await h.db.collection('accounts').doc('alice').set({ data: { balance: 100 } });
    expect(result.stats).toEqual({ updated: 1, created: 0 });
  });

  it('doc().set() of unchanged data inside a transaction reports updated: 1', async () => {
    const result = await h.db.runTransaction(async (tx: Harness['db']) => tx.collection('accounts').doc('alice').set({ data: { balance: 100 } }));
    expect(result.stats).toMatchObject({ updated: 1 });
  });

  it('accepts numeric _ids, kept apart from the same digits as a string', async () => {
    await h.db.collection('accounts').add({ data: { _id: 7, balance: 1 } });
    await h.db.collection('accounts').add({ data: { _id: '7', balance: 2 } });
    expect(await balance(7)).toBe(1);
    expect(await balance('7')).toBe(2);
    const numeric = (await h.db.collection('accounts').where({ _id: 7 }).get()).data;
    expect(numeric).toEqual([{ _id: 7, balance: 1 }]);
    await h.db.collection('accounts').doc(7).update({ data: { balance: 3 } });
    expect(await balance(7)).toBe(3);
    await h.db.collection('accounts').doc(7).remove();
    expect(await balance('7')).toBe(2);
  });
});
