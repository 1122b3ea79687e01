/**
 * DNS rebinding: a web page on attacker.example re-points its own name at 127.0.0.1 and then reads
 * the loopback-only sign-in list and signs in as anyone, with `Host: attacker.example:<port>`.
 * The server answers only the names it was configured with.
 */
import { startHttpServer } from '../../localcloud/http/server';
import type { Local } from './httpHarness';
import { expectRefusal, postJson, raw, startLocal } from './httpHarness';

let local: Local;
beforeAll(async () => {
  local = await startLocal();
});
afterAll(() => local.close());

const sessionCount = () => (local.cloud.store.sqlite.prepare('SELECT COUNT(*) AS n FROM sessions').get() as { n: number }).n;

describe('the Host header', () => {
  it('refuses a rebound name on the people list, the sign-in, the app and the API, and creates no session', async () => {
    const host = `attacker.example:${local.port}`;
    const before = sessionCount();
    expectRefusal(await raw(local.port, { path: '/__local/people', host }), [421, 403]);
    expectRefusal(await postJson(local.port, '/__local/signin', { openid: 'demo-zhoutao' }, {}, host), [421, 403]);
    expectRefusal(await raw(local.port, { path: '/', host }), [421, 403]);
    expectRefusal(await postJson(local.port, '/api/call', { action: 'session.whoami', input: {} }, {}, host), [421, 403]);
    expect(sessionCount()).toBe(before);
  });

  it('refuses a request without a Host header and one naming a loopback address on another port', async () => {
    expectRefusal(await raw(local.port, { path: '/__local/people', host: null }), [421, 403, 400]);
    expectRefusal(await raw(local.port, { path: '/__local/people', host: '127.0.0.1:1' }), [421, 403]);
    expectRefusal(await raw(local.port, { path: '/__local/people', host: `127.0.0.1.attacker.example:${local.port}` }), [421, 403]);
  });

  it('answers the loopback names with the port', async () => {
    for (const host of [`127.0.0.1:${local.port}`, `localhost:${local.port}`, `[::1]:${local.port}`, `LOCALHOST:${local.port}`]) {
      const response = await raw(local.port, { path: '/__local/people', host });
      expect(response.status).toBe(200);
    }
  });

  it('answers a name the server was configured with, and still refuses others', async () => {
    const other = await startHttpServer({ cloud: local.cloud, staticRoot: local.staticRoot, host: '127.0.0.1', port: 0, allowedHosts: ['gongjian.test'] });
    const port = (other.address() as { port: number }).port;
    try {
      expect((await raw(port, { path: '/__local/health', host: `gongjian.test:${port}` })).status).toBe(200);
      expectRefusal(await raw(port, { path: '/__local/health', host: `attacker.example:${port}` }), [421, 403]);
    } finally {
      other.close();
      local.cloud.baseUrl = local.base;
    }
  });
});
