import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { LocalDatabase } from '../../localcloud/db';
import { attach, spec, tempDir } from './helpers';

describe('persistence', () => {
  it('data, collections and indexes survive close and reopen of the same file', async () => {
    const file = path.join(tempDir(), 'persist.sqlite');
    const first = new LocalDatabase({ file });
    first.ensureCollection(spec('notes', [{ name: 'byKey', unique: true, fields: [{ path: 'key', kind: 'string' }] }]));
    let h = attach(first);
    const { _id } = await h.db.collection('notes').add({ data: { key: 'k1', at: new Date(1_700_000_000_000), n: 1 } });
    await h.db.collection('notes').doc(_id).update({ data: { n: h._.inc(1) } });
    await h.db.createCollection('extra');
    await h.db.collection('extra').add({ data: { _id: 'e', v: true } });
    h.close();

    const second = new LocalDatabase({ file });
    expect(second.listCollections()).toEqual(['extra', 'notes']);
    h = attach(second);
    expect((await h.db.collection('notes').doc(_id).get()).data).toEqual({
      _id,
      key: 'k1',
      at: new Date(1_700_000_000_000),
      n: 2,
    });
    expect((await h.db.collection('extra').doc('e').get()).data).toEqual({ _id: 'e', v: true });
    // The unique index declared before the restart still holds.
    await expect(h.db.collection('notes').add({ data: { key: 'k1' } })).rejects.toMatchObject({ errCode: -502001 });
    // A transaction after the restart locks what it writes: a plain write waits for its commit.
    const tx = await h.db.startTransaction();
    await tx.collection('notes').doc(_id).update({ data: { n: 10 } });
    const waiting = h.db.collection('notes').doc(_id).update({ data: { n: h._.inc(1) } });
    await tx.commit();
    await waiting;
    expect((await h.db.collection('notes').doc(_id).get()).data.n).toBe(11);
    h.close();
  });

  it('acknowledged writes survive kill -9 of the writing process', async () => {
    const file = path.join(tempDir(), 'killed.sqlite');
    const child = spawn(process.execPath, [path.join(__dirname, 'fixtures', 'durability-child.js'), file], {
      cwd: path.join(__dirname, '..', '..'),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    // 'close' fires once the process is gone AND its stdout is drained.
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('close', (_code, signal) => resolve(signal)));
    const acked: { i: number; id: string }[] = [];
    const lines = readline.createInterface({ input: child.stdout });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no acks from child: ${stderr}`)), 30_000);
      lines.on('line', (line) => {
        const [word, i, id] = line.split(' ');
        if (word !== 'ack' || i === undefined || id === undefined) return;
        // Lines already buffered when the kill is sent still count: each is an acknowledged write.
        acked.push({ i: Number(i), id });
        if (acked.length === 150) {
          clearTimeout(timer);
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.on('exit', () => {
        clearTimeout(timer);
        if (acked.length < 150) reject(new Error(`child exited early: ${stderr}`));
      });
    });
    expect(await exited).toBe('SIGKILL');
    lines.close();
    expect(acked.length).toBeGreaterThanOrEqual(150);

    const reopened = new LocalDatabase({ file });
    const h = attach(reopened);
    const counter = (await h.db.collection('events').doc('counter').get()).data.n as number;
    expect(counter).toBeGreaterThanOrEqual(acked.length);
    const found = await h.db
      .collection('events')
      .where({ _id: h._.in(acked.map((ack) => ack.id)) })
      .limit(1000)
      .get();
    expect(found.data).toHaveLength(acked.length);
    const byId = new Map((found.data as { _id: string; i: number; at: Date }[]).map((doc) => [doc._id, doc]));
    for (const ack of acked) {
      expect(byId.get(ack.id)?.i).toBe(ack.i);
      expect(byId.get(ack.id)?.at).toBeInstanceOf(Date);
    }
    h.close();
  }, 60_000);
});
