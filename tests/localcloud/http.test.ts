import { mkdtempSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { LocalCloud } from '../../localcloud';
import { startHttpServer } from '../../localcloud/http/server';
import { wxServerSdk } from '../../localcloud/sdk';
import { openLocalCloud } from '../../scripts/open-local-cloud';
import { seedDemoDistrict } from '../../scripts/seed/seed';

let cloud: LocalCloud;
let server: Server;
let base: string;

beforeAll(async () => {
  const staticRoot = mkdtempSync(path.join(os.tmpdir(), 'gongjian-static-'));
  writeFileSync(path.join(staticRoot, 'index.html'), '<!doctype html><title>共建</title>');
  cloud = openLocalCloud({ dataDir: null, functionsFrom: 'source' });
  await seedDemoDistrict(wxServerSdk().database(), new Date());
  server = await startHttpServer({ cloud, staticRoot, host: '127.0.0.1', port: 0 });
  base = cloud.baseUrl;
});
afterAll(() => {
  server.close();
  cloud.close();
});

async function signIn(openid: string): Promise<string> {
  const response = await fetch(`${base}/__local/signin`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ openid }) });
  expect(response.status).toBe(200);
  const cookie = response.headers.get('set-cookie') ?? '';
  expect(cookie).toMatch(/HttpOnly/);
  return cookie.split(';')[0]!;
}

const call = (cookie: string | undefined, action: string, input: unknown = {}) =>
  fetch(`${base}/api/call`, { method: 'POST', headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) }, body: JSON.stringify({ action, input }) }).then((response) => response.json());

describe('the local cloud over HTTP', () => {
  it('identifies the caller by the local sign-in cookie, one request at a time', async () => {
    const liming = await signIn('demo-liming');
    const wangfang = await signIn('demo-wangfang');
    const [a, b, none] = await Promise.all([call(liming, 'session.whoami'), call(wangfang, 'session.whoami'), call(undefined, 'session.whoami')]);
    expect(a).toMatchObject({ ok: true, data: { person: { name: '李明' } } });
    expect(b).toMatchObject({ ok: true, data: { person: { name: '王芳' } } });
    expect(none).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录' } });
  });

  it('lists the demo people for the local sign-in page', async () => {
    const body = (await (await fetch(`${base}/__local/people`)).json()) as { people: Array<{ name: string; openid: string }> };
    expect(body.people.slice(0, 2).map((person) => person.name)).toEqual(['李明', '王芳']);
    expect(body.people.every((person) => person.openid.startsWith('demo-'))).toBe(true);
  });

  it('shows each demo grant as its role, place and approval only', async () => {
    const body = (await (await fetch(`${base}/__local/people`)).json()) as { people: Array<{ grants: Array<Record<string, unknown>> }> };
    const grants = body.people.flatMap((person) => person.grants);
    expect(grants.length).toBeGreaterThan(0);
    for (const grant of grants) expect(Object.keys(grant).sort()).toEqual(['approved', 'role', 'scopeName']);
  });

  it('stores an upload from a signed-in person and serves it back through a signed temporary URL', async () => {
    const cookie = await signIn('demo-liming');
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const uploaded = (await (await fetch(`${base}/api/upload`, { method: 'POST', headers: { cookie, 'content-type': 'image/png', 'x-cloud-path': 'visits/gate.png' }, body: png })).json()) as { ok: true; data: { fileID: string } };
    expect(uploaded.data.fileID).toBe('cloud://local.local-bucket/uploads/demo-liming/visits/gate.png');
    const { fileList } = await wxServerSdk().getTempFileURL({ fileList: [uploaded.data.fileID] }) as { fileList: Array<{ tempFileURL: string; status: number }> };
    expect(fileList[0]!.status).toBe(0);
    const served = await fetch(fileList[0]!.tempFileURL);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await served.arrayBuffer())).toEqual(png);
    const tampered = await fetch(fileList[0]!.tempFileURL.replace(/s=[0-9a-f]+/, 's=0000'));
    expect(tampered.status).toBe(404);
  });

  it('refuses uploads that are anonymous, not images, too large or aimed outside storage', async () => {
    const cookie = await signIn('demo-liming');
    const post = (headers: Record<string, string>, body: Buffer) => fetch(`${base}/api/upload`, { method: 'POST', headers, body }).then((response) => response.status);
    expect(await post({ 'content-type': 'image/png', 'x-cloud-path': 'a.png' }, Buffer.from('x'))).toBe(401);
    expect(await post({ cookie, 'content-type': 'text/html', 'x-cloud-path': 'a.html' }, Buffer.from('<script>'))).toBe(415);
    expect(await post({ cookie, 'content-type': 'image/png', 'x-cloud-path': '../../etc/passwd' }, Buffer.from('x'))).toBe(400);
    expect(await post({ cookie, 'content-type': 'image/png', 'x-cloud-path': 'big.png' }, Buffer.alloc(10 * 1024 * 1024 + 1))).toBe(413);
  });

  it('shows captured subscription messages in the outbox of their recipient', async () => {
    cloud.subscriptions.grant('demo-wangfang', 'local-confirm-request');
    await wxServerSdk().openapi.subscribeMessage.send({ touser: 'demo-wangfang', templateId: 'local-confirm-request', page: 'pages/confirm/index?t=abc', data: { thing1: { value: '一月一到访' } } });
    const cookie = await signIn('demo-wangfang');
    const body = (await (await fetch(`${base}/__local/outbox`, { headers: { cookie } })).json()) as { messages: Array<{ touser: string; page: string }> };
    expect(body.messages[0]).toMatchObject({ touser: 'demo-wangfang', page: 'pages/confirm/index?t=abc' });
  });

  it('serves the h5 app for any other path (the app routes itself)', async () => {
    const response = await fetch(`${base}/some/deep/link`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>共建</title>');
  });
});

describe('local sign-in away from loopback', () => {
  it('is refused unless the server was started with the explicit flag', async () => {
    const other = await startHttpServer({ cloud, staticRoot: os.tmpdir(), host: '0.0.0.0', port: 0 });
    try {
      const port = (other.address() as { port: number }).port;
      const response = await fetch(`http://127.0.0.1:${port}/__local/signin`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ openid: 'demo-zhoutao' }) });
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ ok: false, error: { message: '本地演示登录只在本机可用' } });
    } finally {
      other.close();
      cloud.baseUrl = base;
    }
  });
});
