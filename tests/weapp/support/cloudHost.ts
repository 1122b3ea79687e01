import { parentPort, workerData } from 'node:worker_threads';
import { wxServerSdk } from '../../../localcloud/sdk';
import { openLocalCloud } from '../../../scripts/open-local-cloud';
import { seedDemoDistrict } from '../../../scripts/seed/seed';
import { functionOf } from '../../../src/contract/actions';
import { seedThousandPairings } from './district1000';

/**
 * The local cloud of a weapp-tier world, in its own worker thread: `openLocalCloud({ dataDir: null,
 * functionsFrom: 'source' })` seeded as asked, answering the emulated phones' `wx.cloud` calls. It
 * runs in plain Node rather than in jest's sandbox, where the functions, SQLite rows and PNG drawing
 * run several times slower (every Buffer and row comes from another V8 context).
 */
export type Seed = 'demo' | 'thousand';

export type HostRequest =
  | { readonly id: number; readonly method: 'callAs'; readonly openid: string | undefined; readonly name: string; readonly data: unknown }
  | { readonly id: number; readonly method: 'action'; readonly openid: string; readonly action: string; readonly input: unknown }
  | { readonly id: number; readonly method: 'outbox'; readonly touser: string }
  | { readonly id: number; readonly method: 'subscribed'; readonly openid: string; readonly answers: Readonly<Record<string, 'accept' | 'reject'>> }
  | { readonly id: number; readonly method: 'upload'; readonly cloudPath: string; readonly content: Uint8Array; readonly openid: string }
  | { readonly id: number; readonly method: 'codes' }
  | { readonly id: number; readonly method: 'close' };

export type HostMessage = { readonly ready: true; readonly seeded: unknown } | { readonly ready: false; readonly error: string } | { readonly id: number; readonly value?: unknown; readonly error?: string };

const port = parentPort;
if (!port) throw new Error('cloudHost runs in a worker thread');

const cloud = openLocalCloud({ dataDir: null, functionsFrom: 'source' });
const codes: Array<{ scene: string; page?: string }> = [];
const openapi = (wxServerSdk() as unknown as { openapi: { wxacode: { getUnlimited: (params: { scene: string; page?: string }) => Promise<unknown> } } }).openapi;
const getUnlimited = openapi.wxacode.getUnlimited;
openapi.wxacode.getUnlimited = (params) => {
  codes.push({ scene: params.scene, ...(params.page ? { page: params.page } : {}) });
  return getUnlimited(params);
};

const asJson = (value: unknown): unknown => (value === undefined ? null : JSON.parse(JSON.stringify(value)));

async function answer(request: HostRequest): Promise<unknown> {
  switch (request.method) {
    // A function's answer reaches the caller as JSON, as over WeChat's network.
    case 'callAs':
      return asJson(await cloud.callAs(request.openid, request.name, request.data));
    case 'action':
      return asJson(await cloud.callAs(request.openid, functionOf(request.action as never), { action: request.action, input: request.input }));
    case 'outbox':
      return cloud.outbox.list({ touser: request.touser });
    case 'subscribed':
      cloud.subscriptions.record(request.openid, request.answers);
      return null;
    case 'upload':
      return cloud.storage.upload(request.cloudPath, Buffer.from(request.content), request.openid);
    case 'codes':
      return codes;
    case 'close':
      cloud.close();
      setImmediate(() => port!.close());
      return null;
  }
}

port.on('message', (request: HostRequest) => {
  answer(request).then(
    (value) => port.postMessage({ id: request.id, value } satisfies HostMessage),
    (error: unknown) => port.postMessage({ id: request.id, error: (error as Error)?.stack ?? String(error) } satisfies HostMessage),
  );
});

const seed = (workerData as { seed: Seed }).seed;
const db = wxServerSdk().database();
(seed === 'demo' ? seedDemoDistrict(db, new Date()) : seedThousandPairings(db, new Date())).then(
  (seeded) => port.postMessage({ ready: true, seeded } satisfies HostMessage),
  (error: unknown) => port.postMessage({ ready: false, error: (error as Error)?.stack ?? String(error) } satisfies HostMessage),
);
