/**
 * Sessions: a stolen or forgotten cookie must stop working after 7 days (in the browser and on the
 * server, also for sessions kept in the data folder across a restart), and a copy of the data folder
 * must not hold live tokens.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Local } from './httpHarness';
import { postJson, signIn, startLocal, whoami } from './httpHarness';

const day = 24 * 60 * 60 * 1000;
let clock = Date.parse('2026-03-02T01:00:00Z');
const now = () => new Date(clock);

describe('session lifetime', () => {
  let local: Local;
  beforeAll(async () => {
    local = await startLocal({ now });
  });
  afterAll(() => local.close());

  it('sets a cookie that the browser drops after 7 days', async () => {
    const response = await postJson(local.port, '/__local/signin', { openid: 'demo-liming' });
    const cookie = String(response.headers['set-cookie']?.[0] ?? '');
    expect(cookie).toMatch(/; Max-Age=604800(;|$)/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=(Lax|Strict)/);
  });

  it('forgets the session on the server after 7 days, even if the cookie is replayed', async () => {
    const cookie = await signIn(local.port, 'demo-liming');
    expect(await whoami(local.port, cookie)).toMatchObject({ ok: true });
    clock += 7 * day - 60_000;
    expect(await whoami(local.port, cookie)).toMatchObject({ ok: true });
    clock += 2 * 60_000;
    expect(await whoami(local.port, cookie)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('keeps no session token as it was given out (a copy of the data folder signs nobody in)', async () => {
    const cookie = await signIn(local.port, 'demo-wangfang');
    const token = cookie.split('=')[1]!;
    const rows = local.cloud.store.sqlite.prepare('SELECT token FROM sessions').all() as Array<{ token: string }>;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((row) => row.token)).not.toContain(token);
  });
});

describe('sessions kept in the data folder', () => {
  it('are forgotten after 7 days across a restart, and removed from the data folder', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'gongjian-sessions-'));
    let time = Date.parse('2026-03-02T01:00:00Z');
    const first = await startLocal({ dataDir, now: () => new Date(time) });
    const cookie = await signIn(first.port, 'demo-liming');
    first.close();

    time += 8 * day;
    const second = await startLocal({ dataDir, now: () => new Date(time) });
    try {
      expect(await whoami(second.port, cookie)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
      const left = second.cloud.store.sqlite.prepare('SELECT COUNT(*) AS n FROM sessions').get() as { n: number };
      expect(left.n).toBe(0);
    } finally {
      second.close();
    }
  });
});
