import { expectCloudError, spec, startLocalCloud, type Harness, type Sdk } from './helpers';

/** Resolves when released; lets two transactions interleave deterministically. */
function gate(): { wait: Promise<void>; open: () => void } {
  let open = (): void => undefined;
  const wait = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { wait, open };
}

describe('transactions', () => {
  let h: Harness;
  let _: Sdk;
  const value = async (id: string) => (await h.db.collection('accounts').doc(id).get()).data.balance as number;

  beforeEach(async () => {
    h = startLocalCloud([
      spec('accounts'),
      spec('logs', [{ name: 'byKey', unique: true, fields: [{ path: 'key', kind: 'string' }] }]),
    ]);
    _ = h._;
    await h.db.collection('accounts').add({
      data: [
        { _id: 'alice', balance: 100 },
        { _id: 'bob', balance: 50 },
      ],
    });
  });
  afterEach(() => h.close());

  it('runTransaction commits all writes and returns the callback value', async () => {
    const result = await h.db.runTransaction(async (tx: Sdk) => {
      const alice = (await tx.collection('accounts').doc('alice').get()).data;
      await tx.collection('accounts').doc('alice').update({ data: { balance: _.inc(-30) } });
      await tx.collection('accounts').doc('bob').update({ data: { balance: _.inc(30) } });
      const added = await tx.collection('logs').add({ data: { key: 'transfer-1', amount: 30 } });
      expect(added.errMsg).toBe('collection.add:ok');
      return { before: alice.balance, logId: added._id };
    });
    expect(result.before).toBe(100);
    expect(await value('alice')).toBe(70);
    expect(await value('bob')).toBe(80);
    expect((await h.db.collection('logs').doc(result.logId).get()).data).toEqual({
      _id: result.logId,
      key: 'transfer-1',
      amount: 30,
    });
  });

  it('reads inside a transaction see its own writes; outside nothing shows before commit', async () => {
    const tx = await h.db.startTransaction();
    await tx.collection('accounts').doc('alice').update({ data: { balance: _.inc(1) } });
    await tx.collection('accounts').doc('carol').set({ data: { balance: 7 } });
    expect((await tx.collection('accounts').doc('alice').get()).data).toEqual({ _id: 'alice', balance: 101 });
    expect((await tx.collection('accounts').doc('carol').get()).data).toEqual({ _id: 'carol', balance: 7 });
    expect(await value('alice')).toBe(100);
    await expectCloudError(h.db.collection('accounts').doc('carol').get(), { errCode: -1, errMsg: /does not exist/ });
    await tx.collection('accounts').doc('bob').remove();
    await expectCloudError(tx.collection('accounts').doc('bob').get(), { errCode: -1, errMsg: /does not exist/ });
    await tx.commit();
    expect(await value('alice')).toBe(101);
    expect(await value('carol')).toBe(7);
    await expectCloudError(h.db.collection('accounts').doc('bob').get(), { errCode: -1, errMsg: /does not exist/ });
  });

  it('rollback(reason) writes nothing and runTransaction rejects with the reason', async () => {
    await expect(
      h.db.runTransaction(async (tx: Sdk) => {
        await tx.collection('accounts').doc('alice').update({ data: { balance: 0 } });
        await tx.collection('logs').add({ data: { key: 'never' } });
        await tx.rollback('insufficient funds');
      }),
    ).rejects.toBe('insufficient funds');
    expect(await value('alice')).toBe(100);
    expect((await h.db.collection('logs').count()).total).toBe(0);
  });

  it('an error thrown in the callback rolls back', async () => {
    await expect(
      h.db.runTransaction(async (tx: Sdk) => {
        await tx.collection('accounts').doc('alice').update({ data: { balance: 0 } });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await value('alice')).toBe(100);
  });

  it('startTransaction(): manual commit and manual rollback', async () => {
    const committed = await h.db.startTransaction();
    await committed.collection('accounts').doc('alice').update({ data: { balance: 1 } });
    const res = await committed.commit();
    expect(res.requestId).toEqual(expect.any(String));
    expect(await value('alice')).toBe(1);

    const aborted = await h.db.startTransaction();
    await aborted.collection('accounts').doc('alice').update({ data: { balance: 2 } });
    await aborted.rollback();
    expect(await value('alice')).toBe(1);
    await expect(aborted.commit()).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_FAIL' });
  });

  it('two concurrent runTransactions write one document: the second writer conflicts at once and is rolled back', async () => {
    const bothRead = { a: gate(), b: gate() };
    const aWrote = gate();
    let attempts = 0;
    const first = h.db.runTransaction(async (tx: Sdk) => {
      attempts += 1;
      const current = (await tx.collection('accounts').doc('alice').get()).data.balance as number;
      bothRead.a.open();
      await bothRead.b.wait;
      await tx.collection('accounts').doc('alice').update({ data: { balance: current + 10 } });
      aWrote.open();
      return current;
    });
    const second = h.db.runTransaction(async (tx: Sdk) => {
      attempts += 1;
      const current = (await tx.collection('accounts').doc('alice').get()).data.balance as number;
      bothRead.b.open();
      await bothRead.a.wait;
      await aWrote.wait;
      await tx.collection('accounts').doc('alice').update({ data: { balance: current + 10 } });
      await tx.collection('accounts').doc('bob').update({ data: { balance: 0 } });
      return current;
    });
    await expect(second).rejects.toMatchObject({ errCode: -501001, message: expect.stringContaining('database transaction conflict') });
    expect(await first).toBe(100);
    // wx-server-sdk wraps the write's conflict, so runTransaction does not retry it (as in WeChat).
    expect(attempts).toBe(2);
    expect(await value('alice')).toBe(110);
    expect(await value('bob')).toBe(50);
  });

  it('a write to a document changed by a non-transactional write after the start fails at once', async () => {
    const tx = await h.db.startTransaction();
    const seen = (await tx.collection('accounts').doc('bob').get()).data.balance as number;
    await h.db.collection('accounts').doc('bob').update({ data: { balance: _.inc(5) } });
    await expect(tx.collection('accounts').doc('bob').update({ data: { balance: seen * 2 } })).rejects.toMatchObject({
      errCode: -501001,
      message: expect.stringContaining('database transaction conflict'),
    });
    // The conflict ended the transaction.
    await expect(tx.commit()).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_FAIL' });
    expect(await value('bob')).toBe(55);
  });

  it('a rolled-back transaction cannot commit and writes nothing', async () => {
    const tx = await h.db.startTransaction();
    await tx.collection('accounts').doc('bob').update({ data: { balance: 1 } });
    await tx.rollback();
    await expect(tx.commit()).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_FAIL' });
    expect(await value('bob')).toBe(50);
  });

  it('a unique-index violation at commit is reported and nothing is written', async () => {
    await h.db.collection('logs').add({ data: { key: 'taken' } });
    await expect(
      h.db.runTransaction(async (tx: Sdk) => {
        await tx.collection('accounts').doc('alice').update({ data: { balance: 0 } });
        await tx.collection('logs').add({ data: { key: 'taken' } });
      }),
    ).rejects.toMatchObject({
      code: 'DATABASE_REQUEST_FAILED',
      message: expect.stringContaining('E11000 duplicate key error collection: logs index: byKey dup key: { key: "taken" }'),
    });
    expect(await value('alice')).toBe(100);
  });

  it('add() in a transaction refuses an existing _id', async () => {
    const tx = await h.db.startTransaction();
    await expectCloudError(tx.collection('accounts').add({ data: { _id: 'alice', balance: 1 } }), {
      errCode: -502001,
      errMsg: /duplicate key error collection: accounts index: _id_/,
    });
    await tx.rollback();
  });

  describe('only doc() operations and add() are allowed inside a transaction', () => {
    it.each([
      ['where().get()', 'collection.get', (tx: Sdk) => tx.collection('accounts').where({ balance: 100 }).get()],
      ['collection.get()', 'collection.get', (tx: Sdk) => tx.collection('accounts').get()],
      ['count()', 'collection.count', (tx: Sdk) => tx.collection('accounts').count()],
      ['where().update()', 'collection.update', (tx: Sdk) => tx.collection('accounts').where({ balance: 100 }).update({ data: { balance: 0 } })],
      ['where().remove()', 'collection.remove', (tx: Sdk) => tx.collection('accounts').where({ balance: 100 }).remove()],
      ['aggregate()', 'collection.aggregate', (tx: Sdk) => tx.collection('accounts').aggregate().match({}).end()],
    ])('%s is refused', async (_name, api, run) => {
      const tx = await h.db.startTransaction();
      await expectCloudError(run(tx), {
        errCode: -502001,
        errMsg: new RegExp(`^${api.replace('.', '\\.')}:fail -502001 database request fail\\. \\[FailedOperation\\] .* is not allowed in a transaction`),
      });
      await tx.rollback();
      expect(await value('alice')).toBe(100);
      expect((await h.db.collection('accounts').count()).total).toBe(2);
    });

    it('a refused operation inside runTransaction rolls the transaction back', async () => {
      await expect(
        h.db.runTransaction(async (tx: Sdk) => {
          await tx.collection('accounts').doc('bob').update({ data: { balance: 0 } });
          await tx.collection('accounts').where({ balance: 100 }).update({ data: { balance: 0 } });
        }),
      ).rejects.toMatchObject({ errCode: -502001 });
      expect(await value('alice')).toBe(100);
      expect(await value('bob')).toBe(50);
    });
  });
});
