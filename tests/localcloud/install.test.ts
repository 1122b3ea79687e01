import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { installLocalDatabase, LocalDatabase } from '../../localcloud/db';
import { spec, type Sdk } from './helpers';

const cloud: Sdk = require('wx-server-sdk');

function localDb(...names: string[]): LocalDatabase {
  const db = new LocalDatabase({ file: ':memory:' });
  for (const name of names) db.ensureCollection(spec(name));
  return db;
}

describe('installLocalDatabase', () => {
  beforeAll(() => cloud.init({ env: 'local' }));

  it('answers every database call locally: no network attempt, no unhandled rejection', async () => {
    const spies = [
      jest.spyOn(http, 'request'),
      jest.spyOn(https, 'request'),
      jest.spyOn(net, 'connect'),
      jest.spyOn(net.Socket.prototype, 'connect'),
      jest.spyOn(dns, 'lookup'),
    ];
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown) => rejections.push(reason);
    process.on('unhandledRejection', onRejection);
    const local = localDb('things');
    const uninstall = installLocalDatabase(local);
    try {
      const db = cloud.database();
      const { _id } = await db.collection('things').add({ data: { a: 1 } });
      await db.collection('things').doc(_id).update({ data: { a: 2 } });
      await db.collection('things').where({ a: 2 }).get();
      await db.collection('things').count();
      await db.collection('things').aggregate().match({}).end();
      await db.runTransaction(async (tx: Sdk) => tx.collection('things').doc(_id).get());
      await expect(db.collection('absent').get()).rejects.toMatchObject({ errCode: -502005 });
      await new Promise((resolve) => setTimeout(resolve, 200));
      for (const spy of spies) expect(spy).not.toHaveBeenCalled();
      expect(rejections).toEqual([]);
    } finally {
      process.off('unhandledRejection', onRejection);
      for (const spy of spies) spy.mockRestore();
      uninstall();
      local.close();
    }
  });

  it('counts wire requests and resets the count', async () => {
    const local = localDb('things');
    const uninstall = installLocalDatabase(local);
    const db = cloud.database();
    await db.collection('things').add({ data: { _id: 'x', n: 1 } });
    await db.collection('things').doc('x').get();
    await db.collection('things').where({ n: 1 }).count();
    expect(local.stats.requests).toBe(3);
    local.resetStats();
    await db.runTransaction(async (tx: Sdk) => {
      const { data } = await tx.collection('things').doc('x').get();
      await tx.collection('things').doc('x').update({ data: { n: data.n + 1 } });
    });
    // startTransaction + get + update + commitTransaction
    expect(local.stats.requests).toBe(4);
    uninstall();
    local.close();
  });

  it('keeps the requester pinned although node-sdk re-assigns it on every cloud.database()', async () => {
    const { Db } = require('@cloudbase/database');
    const local = localDb('things');
    const uninstall = installLocalDatabase(local);
    const first = cloud.database();
    Db.reqClass = class Intruder {};
    const second = cloud.database();
    await second.collection('things').add({ data: { _id: 'pinned' } });
    expect((await first.collection('things').doc('pinned').get()).data).toEqual({ _id: 'pinned' });
    uninstall();
    local.close();
    cloud.database();
    expect(Db.reqClass.name).toBe('TcbDBApiHttpRequester');
  });

  it('stacks installations: the latest answers, also through references created earlier, until it is uninstalled', async () => {
    const a = localDb('things');
    const b = localDb('things');
    const uninstallA = installLocalDatabase(a);
    const moduleLevel = cloud.database().collection('things');
    await moduleLevel.add({ data: { _id: 'in-a' } });
    const uninstallB = installLocalDatabase(b);
    await moduleLevel.add({ data: { _id: 'in-b' } });
    expect((await cloud.database().collection('things').get()).data).toEqual([{ _id: 'in-b' }]);
    uninstallB();
    const inA = await moduleLevel.get();
    expect(inA.data).toEqual([{ _id: 'in-a' }]);
    uninstallA();
    a.close();
    b.close();
  });

  it('accepts an explicit, init()ed wx-server-sdk module', async () => {
    const local = localDb('things');
    const uninstall = installLocalDatabase(local, cloud);
    await cloud.database().collection('things').add({ data: { _id: 'explicit' } });
    expect(local.stats.requests).toBe(1);
    uninstall();
    local.close();
  });

  it('refuses requests after close()', async () => {
    const local = localDb('things');
    const uninstall = installLocalDatabase(local);
    local.close();
    await expect(cloud.database().collection('things').get()).rejects.toMatchObject({
      errCode: -502001,
      errMsg: expect.stringContaining('the local database is closed'),
    });
    uninstall();
  });

  it('restores the transaction guards on uninstall', async () => {
    const { Query } = require('@cloudbase/database');
    const original = Query.prototype.count;
    const local = localDb('things');
    const uninstall = installLocalDatabase(local);
    expect(Query.prototype.count).not.toBe(original);
    uninstall();
    expect(Query.prototype.count).toBe(original);
    local.close();
  });
});
