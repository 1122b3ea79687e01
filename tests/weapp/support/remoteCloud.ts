import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { OutboxEntry } from '../../../localcloud/outbox';
import type { HostMessage, HostRequest, Seed } from './cloudHost';

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };
type Without<T, K extends keyof T> = T extends unknown ? Omit<T, K> : never;

/** The jest side of a world's local cloud, which runs in a worker thread (see cloudHost.ts). */
export class RemoteCloud {
  private next = 0;
  private readonly pending = new Map<number, Pending>();
  private closed = false;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (message: HostMessage) => {
      if ('ready' in message) return;
      const call = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (!call) return;
      if (message.error !== undefined) call.reject(new Error(`local cloud: ${message.error}`));
      else call.resolve(message.value);
    });
    worker.on('error', (error) => {
      for (const call of this.pending.values()) call.reject(error);
      this.pending.clear();
    });
  }

  /** Start a local cloud seeded with the demo district or 1,000 pairings; answers it and what the seed returned. */
  static start<T>(seed: Seed): Promise<{ cloud: RemoteCloud; seeded: T }> {
    const host = path.join(__dirname, 'cloudHost.ts');
    // tsx compiles the TypeScript sources in the worker, as `npx tsx` does for the scripts.
    const tsx = require.resolve('tsx/cjs/api');
    const worker = new Worker(`require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(host)});`, { eval: true, workerData: { seed } });
    // A world a failed test never closed must not keep jest from exiting.
    worker.unref();
    return new Promise((resolve, reject) => {
      const onMessage = (message: HostMessage) => {
        if (!('ready' in message)) return;
        worker.off('message', onMessage);
        if (message.ready) resolve({ cloud: new RemoteCloud(worker), seeded: message.seeded as T });
        else reject(new Error(`local cloud did not start: ${message.error}`));
      };
      worker.on('message', onMessage);
      worker.once('error', reject);
    });
  }

  private ask<T>(request: Without<HostRequest, 'id'>): Promise<T> {
    if (this.closed) return Promise.reject(new Error('the local cloud is closed'));
    const id = this.next++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.worker.postMessage({ ...request, id });
    });
  }

  /** `wx.cloud.callFunction` as the person with this openid. */
  callAs(openid: string | undefined, name: string, data: unknown): Promise<unknown> {
    return this.ask({ method: 'callAs', openid, name, data });
  }

  action(openid: string, action: string, input: unknown): Promise<unknown> {
    return this.ask({ method: 'action', openid, action, input });
  }

  /** Subscription messages the functions sent to this person, newest first. */
  /** Records a phone's answers to a subscription ask as the person's allowances. */
  subscribed(openid: string, answers: Readonly<Record<string, 'accept' | 'reject'>>): Promise<void> {
    return this.ask({ method: 'subscribed', openid, answers }) as Promise<void>;
  }

  outbox(touser: string): Promise<OutboxEntry[]> {
    return this.ask({ method: 'outbox', touser });
  }

  /** An upload from a person's phone: the storage's 仅创建者可写 rule knows them as its uploader. */
  upload(cloudPath: string, content: Buffer, openid: string): Promise<{ fileID: string }> {
    return this.ask({ method: 'upload', cloudPath, content: new Uint8Array(content), openid });
  }

  /** Every `wxacode.getUnlimited` the functions asked for: the scene a scanned code carries, and its page. */
  codes(): Promise<Array<{ scene: string; page?: string }>> {
    return this.ask({ method: 'codes' });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.ask({ method: 'close' }).catch(() => undefined);
    this.closed = true;
    await this.worker.terminate();
  }
}
