/**
 * Security headers on every answer: no MIME sniffing, no framing (clickjacking), no referrer leaking a
 * signed file link, and a CSP for the h5 app that lets no injected or foreign script run.
 */
import { createHash } from 'node:crypto';
import type { Local, RawResponse } from './httpHarness';
import { indexHtml, postJson, raw, startLocal } from './httpHarness';

let local: Local;
beforeAll(async () => {
  local = await startLocal();
});
afterAll(() => local.close());

function expectBaseHeaders(response: RawResponse): void {
  expect(response.headers['x-content-type-options']).toBe('nosniff');
  expect(response.headers['referrer-policy']).toBe('no-referrer');
  expect(response.headers['x-frame-options']).toBe('DENY');
  expect(String(response.headers['content-security-policy'])).toMatch(/frame-ancestors 'none'/);
}

/** The directives of a CSP header, by name. */
function directives(response: RawResponse): Map<string, string[]> {
  const policy = String(response.headers['content-security-policy'] ?? '');
  return new Map(policy.split(';').map((part) => part.trim().split(/\s+/)).filter((words) => words[0]).map(([name, ...values]) => [name!, values]));
}

describe('headers on every answer', () => {
  it.each([
    ['the app', { path: '/' }],
    ['a deep link', { path: '/pages/home/index' }],
    ['a JSON answer', { path: '/__local/health' }],
    ['a 404', { method: 'POST', path: '/nothing', headers: { 'content-type': 'application/json' }, body: '{}' }],
    ['a refused Host', { path: '/', host: 'attacker.example' }],
    ['a malformed URL', { path: '/%' }],
    ['an expired file link', { path: '/__local/files/a.png?e=1&s=00' }],
  ])('%s', async (_name, request) => {
    expectBaseHeaders(await raw(local.port, request));
  });

  it('an action call', async () => {
    expectBaseHeaders(await postJson(local.port, '/api/call', { action: 'session.whoami', input: {} }));
  });
});

describe('the CSP of the h5 app', () => {
  it('allows only the app’s own script files and the build’s own inline script, by hash', async () => {
    const response = await raw(local.port, { path: '/' });
    const csp = directives(response);
    const inline = /<script>([\s\S]*?)<\/script>/.exec(indexHtml)![1]!;
    const hash = `'sha256-${createHash('sha256').update(inline).digest('base64')}'`;
    expect(csp.get('script-src')).toEqual(["'self'", hash]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    for (const sources of csp.values()) {
      expect(sources).not.toContain('*');
      expect(sources).not.toContain("'unsafe-eval'");
      expect(sources.filter((source) => /^https?:$/.test(source))).toEqual([]);
    }
  });
});
