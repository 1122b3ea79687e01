/**
 * Bad input at the HTTP layer: a slow client holding a request open, bodies that are too large or too
 * deeply nested, malformed URLs. Each is answered 400/408/413 with the error envelope and a Chinese
 * message, never 500 and never a hang.
 */
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import type { Local } from './httpHarness';
import { expectRefusal, postJson, raw, signIn, slowBody, startLocal } from './httpHarness';

let local: Local;
beforeAll(async () => {
  local = await startLocal({ http: { bodyTimeoutMs: 500 } });
});
afterAll(() => local.close());

describe('a slow client', () => {
  it('cannot hold a JSON request open: the server answers 408 once the body is late', async () => {
    const answer = await slowBody(local.port, '/api/call', { 'content-type': 'application/json', 'content-length': '100' }, '{"action":', 5000);
    expect(answer.status).toBe(408);
    expect(answer.ms).toBeLessThan(3000);
    expect(JSON.parse(answer.text)).toMatchObject({ ok: false, error: { code: expect.any(String), message: expect.stringMatching(/[\u4e00-\u9fa5]/) } });
  });

  it('cannot hold an upload open either', async () => {
    const cookie = await signIn(local.port, 'demo-liming');
    const answer = await slowBody(local.port, '/api/upload', { cookie, 'content-type': 'image/png', 'x-cloud-path': 'checkins/p1/a.png', 'content-length': '100000' }, '\x89PNG', 5000);
    expect(answer.status).toBe(408);
    expect(answer.ms).toBeLessThan(3000);
  });

  it('cannot trickle a body a byte at a time to stay under an idle timeout', async () => {
    const started = Date.now();
    const status = await new Promise<number | 'timedOut'>((resolve) => {
      const socket = connect(local.port, '127.0.0.1');
      let received = '';
      const drip = setInterval(() => socket.write(' '), 100);
      const giveUp = setTimeout(() => {
        clearInterval(drip);
        socket.destroy();
        resolve('timedOut');
      }, 5000);
      socket.on('error', () => undefined);
      socket.on('data', (chunk) => {
        received += chunk.toString();
        clearInterval(drip);
        clearTimeout(giveUp);
        socket.destroy();
        resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(received)?.[1] ?? 0));
      });
      socket.write(`POST /api/call HTTP/1.1\r\nHost: 127.0.0.1:${local.port}\r\ncontent-type: application/json\r\ncontent-length: 100000\r\n\r\n`);
    });
    expect(status).toBe(408);
    expect(Date.now() - started).toBeLessThan(3000);
  });
});

describe('bodies', () => {
  const call = (text: string) => raw(local.port, { method: 'POST', path: '/api/call', headers: { 'content-type': 'application/json' }, body: text });

  it('refuses a body nested 5,000 levels deep with 400, not 500', async () => {
    const deep = `{"action":"session.whoami","input":{"a":${'['.repeat(5000)}${']'.repeat(5000)}}}`;
    expect(expectRefusal(await call(deep), 400).code).toBe('INVALID_INPUT');
    const deepObjects = `{"action":"session.whoami","input":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}`;
    expect(expectRefusal(await call(deepObjects), 400).code).toBe('INVALID_INPUT');
  });

  it('still accepts nesting that real input needs, and brackets inside strings do not count', async () => {
    const fine = `{"action":"session.whoami","input":{"a":${'['.repeat(40)}${']'.repeat(40)},"b":"${'['.repeat(500)}\\"${'{'.repeat(500)}"}}`;
    const response = await call(fine);
    expect(response.status).toBe(200);
  });

  it('answers a body over the size limit with 413 and the envelope, also when it is sent without a length', async () => {
    const big = JSON.stringify({ action: 'session.whoami', input: { padding: 'x'.repeat(1_100_000) } });
    expect(expectRefusal(await call(big), 413).code).toBe('PAYLOAD_TOO_LARGE');
    const chunked = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port: local.port, method: 'POST', path: '/api/call', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } }, (response) => {
        let text = '';
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
      });
      req.on('error', reject);
      req.write(big.slice(0, 600_000));
      req.end(big.slice(600_000));
    });
    expect(chunked.status).toBe(413);
    expect(JSON.parse(chunked.text)).toMatchObject({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE', message: expect.stringMatching(/[\u4e00-\u9fa5]/) } });
  });

  it('answers an oversized or malformed sign-in with the envelope', async () => {
    expectRefusal(await postJson(local.port, '/__local/signin', { openid: 'demo-liming', padding: 'x'.repeat(10_000) }), 413);
    expectRefusal(await raw(local.port, { method: 'POST', path: '/__local/signin', headers: { 'content-type': 'application/json' }, body: '{"openid":' }), 400);
    expectRefusal(await raw(local.port, { method: 'POST', path: '/__local/signin', headers: { 'content-type': 'application/json' }, body: `{"openid":${'['.repeat(100)}}` }), 400);
  });
});

describe('malformed URLs', () => {
  it.each(['/%E0%A4%A', '/%', '/__local/files/%E0%A4%A?e=1&s=2', '/js/%zz.js', '/%00'])('answers %s with 400 and the envelope', async (url) => {
    expect(expectRefusal(await raw(local.port, { path: url }), 400).code).toBe('INVALID_INPUT');
  });
});
