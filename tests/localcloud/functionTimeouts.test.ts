/**
 * Each function's timeout (config.json `timeout`, 3 s when none) enforced against a modelled clock:
 * 30 ms a database request and 100 ms an openapi call by default, accounted per invocation, no sleeping.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LocalCloud, loadFunctions } from '../../localcloud';
import type { LocalFunction } from '../../localcloud';
import { wxServerSdk } from '../../localcloud/sdk';
import { collections } from '../../server/db/collections';

const db = () => wxServerSdk().database();
let written = 0;

/** Reads `n` times, then writes a marker: the marker shows whether the function ran past its reads. */
const reader = (name: string, timeoutSeconds?: number): LocalFunction => ({
  name,
  triggers: [],
  ...(timeoutSeconds !== undefined ? { timeoutSeconds } : {}),
  main: async (event) => {
    const { reads } = event as { reads: number };
    for (let index = 0; index < reads; index += 1) await db().collection('units').where({ streetId: 'none' }).count();
    written += 1;
    return { done: reads };
  },
});

const sender: LocalFunction = {
  name: 'sender',
  triggers: [],
  main: async (event) => {
    const { sends } = event as { sends: number };
    for (let index = 0; index < sends; index += 1) {
      await wxServerSdk().openapi.subscribeMessage.send({ touser: 'openid-a', templateId: 'tpl', data: { thing1: { value: '事项' } } }).catch(() => undefined);
    }
    return { sends };
  },
};

describe('function timeouts under the latency model', () => {
  let cloud: LocalCloud;
  beforeEach(() => {
    written = 0;
    cloud = new LocalCloud({ dataDir: null, collections, functions: [reader('short'), reader('long', 20), sender] });
  });
  afterEach(() => cloud.close());

  it('a function without a declared timeout fits 100 database requests in 3 s (3,000 ms modelled)', async () => {
    await expect(cloud.callAs('openid-a', 'short', { reads: 100 })).resolves.toEqual({ done: 100 });
    expect(cloud.functions.lastInvocation('short')).toMatchObject({ dbRequests: 100, modelledMs: 3000, timeoutMs: 3000, timedOut: false });
  });

  it('fails like WeChat past 3 s, and nothing after the timeout happens', async () => {
    await expect(cloud.callAs('openid-a', 'short', { reads: 101 })).rejects.toMatchObject({ errCode: -504003, errMsg: expect.stringContaining('timed out after 3 seconds') });
    for (let turn = 0; turn < 20; turn += 1) await new Promise((resolve) => setImmediate(resolve));
    expect(written).toBe(0);
    expect(cloud.functions.lastInvocation('short')).toMatchObject({ dbRequests: 101, timedOut: true });
  });

  it("honours a function's own timeout", async () => {
    await expect(cloud.callAs('openid-a', 'long', { reads: 600 })).resolves.toEqual({ done: 600 });
    await expect(cloud.callAs('openid-a', 'long', { reads: 700 })).rejects.toMatchObject({ errCode: -504003 });
  });

  it('charges 100 ms an openapi call: 30 sends overrun 3 s', async () => {
    await expect(cloud.callAs('openid-a', 'sender', { sends: 30 })).resolves.toEqual({ sends: 30 });
    expect(cloud.functions.lastInvocation('sender')).toMatchObject({ openapiCalls: 30, modelledMs: 3000 });
    await expect(cloud.callAs('openid-a', 'sender', { sends: 31 })).rejects.toMatchObject({ errCode: -504003 });
  });

  it('a timer invocation is held to the same timeout', async () => {
    await expect(cloud.functions.invoke('short', { reads: 200 }, { ENV: 'local', SOURCE: 'timer' })).rejects.toMatchObject({ errCode: -504003 });
  });
});

describe('configuration', () => {
  it('reads the timeout from config.json, and refuses what WeChat’s console refuses', () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'gongjian-functions-'));
    for (const [name, config] of [['declared', { timeout: 20 }], ['plain', {}]] as const) {
      mkdirSync(path.join(root, name));
      writeFileSync(path.join(root, name, 'index.js'), 'exports.main = async () => ({});');
      writeFileSync(path.join(root, name, 'config.json'), JSON.stringify(config));
    }
    const loaded = loadFunctions(root, 'index.js');
    expect(loaded.find((fn) => fn.name === 'declared')?.timeoutSeconds).toBe(20);
    const cloud = new LocalCloud({ dataDir: null, collections, functions: loaded });
    try {
      expect(cloud.functions.timeoutSeconds('declared')).toBe(20);
      expect(cloud.functions.timeoutSeconds('plain')).toBe(3);
      expect(() => cloud.functions.register({ name: 'tooLong', triggers: [], timeoutSeconds: 61, main: async () => ({}) })).toThrow(/1–60 seconds/);
      cloud.functions.setConsoleTimeout('plain', 60);
      expect(cloud.functions.timeoutSeconds('plain')).toBe(60);
    } finally {
      cloud.close();
    }
  });

  it('models other latencies when asked, and lets a script switch the limits off', async () => {
    const slow = new LocalCloud({ dataDir: null, collections, functions: [reader('short')], limits: { latency: { databaseMs: 80, openapiMs: 100 } } });
    try {
      // 37 × 80 ms = 2,960 ms fits; 38 × 80 ms = 3,040 ms does not.
      await expect(slow.callAs('openid-a', 'short', { reads: 37 })).resolves.toEqual({ done: 37 });
      await expect(slow.callAs('openid-a', 'short', { reads: 38 })).rejects.toMatchObject({ errCode: -504003 });
    } finally {
      slow.close();
    }
    const off = new LocalCloud({ dataDir: null, collections, functions: [reader('short')], limits: { timeouts: false } });
    try {
      await expect(off.callAs('openid-a', 'short', { reads: 150 })).resolves.toEqual({ done: 150 });
      expect(off.functions.lastInvocation('short')).toMatchObject({ modelledMs: 4500, timedOut: false });
    } finally {
      off.close();
    }
  });
});
