/**
 * Cross-site writes: a page on another site (or on another port of this machine) posts to the local
 * server with the victim's cookie: signs them out, signs them in as someone else, calls actions,
 * uploads. Every write (sign-in and sign-out included) is refused unless the browser says it comes
 * from the app's own origin; clients that are not browsers send no Origin and carry no victim's cookie.
 */
import type { Local } from './httpHarness';
import { expectRefusal, postJson, raw, signIn, startLocal, whoami } from './httpHarness';

describe('writes from another site', () => {
  let local: Local;
  beforeAll(async () => {
    local = await startLocal();
  });
  afterAll(() => local.close());

  const crossSite = { origin: 'http://attacker.example', 'sec-fetch-site': 'cross-site' };

  it('cannot sign a person out with a plain form post (the session keeps working)', async () => {
    const cookie = await signIn(local.port, 'demo-liming');
    const response = await raw(local.port, { method: 'POST', path: '/__local/signout', headers: { cookie, ...crossSite, 'content-type': 'application/x-www-form-urlencoded' }, body: 'x=1' });
    expectRefusal(response, 403);
    expect(response.headers['set-cookie']).toBeUndefined();
    expect(await whoami(local.port, cookie)).toMatchObject({ ok: true });
  });

  it('cannot sign a person in as someone else (login CSRF), whatever the content type', async () => {
    const attempts: Array<Record<string, string>> = [crossSite, { origin: 'http://attacker.example' }, { 'sec-fetch-site': 'same-site' }, { origin: 'null' }];
    for (const headers of attempts) {
      const response = await postJson(local.port, '/__local/signin', { openid: 'demo-zhoutao' }, headers);
      expectRefusal(response, 403);
      expect(response.headers['set-cookie']).toBeUndefined();
    }
  });

  it('cannot call an action or upload from another site, or from another port on the same machine', async () => {
    const cookie = await signIn(local.port, 'demo-liming');
    const sameMachine = { origin: `http://127.0.0.1:${local.port + 1}`, 'sec-fetch-site': 'same-site' };
    for (const headers of [crossSite, sameMachine]) {
      expectRefusal(await postJson(local.port, '/api/call', { action: 'session.whoami', input: {} }, { cookie, ...headers }), 403);
      const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
      expectRefusal(await raw(local.port, { method: 'POST', path: '/api/upload', headers: { cookie, ...headers, 'content-type': 'image/png', 'x-cloud-path': 'checkins/p1/a.png' }, body: png }), 403);
    }
  });

  it('accepts the same requests from the app itself (same origin) and from non-browser clients', async () => {
    const sameOrigin = { origin: `http://127.0.0.1:${local.port}`, 'sec-fetch-site': 'same-origin' };
    const cookie = await signIn(local.port, 'demo-liming');
    expect((await postJson(local.port, '/api/call', { action: 'session.whoami', input: {} }, { cookie, ...sameOrigin })).json()).toMatchObject({ ok: true });
    expect((await postJson(local.port, '/__local/signin', { openid: 'demo-wangfang' }, sameOrigin)).status).toBe(200);
    const localhostOrigin = { origin: `http://localhost:${local.port}`, 'sec-fetch-site': 'same-origin' };
    expect((await postJson(local.port, '/api/call', { action: 'session.whoami', input: {} }, { cookie, ...localhostOrigin }, `localhost:${local.port}`)).json()).toMatchObject({ ok: true });
    const out = await raw(local.port, { method: 'POST', path: '/__local/signout', headers: { cookie, ...sameOrigin } });
    expect(out.status).toBe(200);
    expect(String(out.headers['set-cookie']?.[0])).toMatch(/Max-Age=0/);
    expect(await whoami(local.port, cookie)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('replaces the session on a new sign-in, so an earlier cookie stops working', async () => {
    const first = await signIn(local.port, 'demo-liming');
    const response = await postJson(local.port, '/__local/signin', { openid: 'demo-wangfang' }, { cookie: first });
    expect(response.status).toBe(200);
    expect(await whoami(local.port, first)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});
