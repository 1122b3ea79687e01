/**
 * The local server as an attacker meets it: a local cloud (optionally on a data folder), the HTTP server
 * on a free loopback port, and raw requests with full control over Host, Origin and the body's pace.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import { connect } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { LocalCloud } from '../../localcloud';
import { startHttpServer } from '../../localcloud/http/server';
import type { HttpOptions } from '../../localcloud/http/server';
import { wxServerSdk } from '../../localcloud/sdk';
import { openLocalCloud } from '../../scripts/open-local-cloud';
import { seedDemoDistrict } from '../../scripts/seed/seed';

/** Loading the functions from source and seeding the demo district take seconds on a shared 2-core machine. */
jest.setTimeout(60_000);

export interface Local {
  readonly cloud: LocalCloud;
  readonly server: Server;
  readonly port: number;
  readonly base: string;
  readonly staticRoot: string;
  close(): void;
}

/** The h5 build's shape: an index.html with one inline script, as Taro writes it. */
export const indexHtml = '<!doctype html><title>共建</title><script>document.documentElement.style.fontSize="20px"</script><script defer src="/js/app.js"></script>';

export function staticRootForTests(): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'gongjian-static-'));
  writeFileSync(path.join(root, 'index.html'), indexHtml);
  return root;
}

export async function startLocal(
  options: { dataDir?: string | null; seed?: boolean; now?: () => Date; http?: Partial<HttpOptions> } = {},
): Promise<Local> {
  const staticRoot = staticRootForTests();
  const cloud = openLocalCloud({ dataDir: options.dataDir ?? null, functionsFrom: options.seed === false ? 'none' : 'source', ...(options.now ? { now: options.now } : {}) });
  if (options.seed !== false) await seedDemoDistrict(wxServerSdk().database(), new Date());
  const server = await startHttpServer({ cloud, staticRoot, host: '127.0.0.1', port: 0, ...(options.now ? { now: options.now } : {}), ...options.http });
  const port = (server.address() as { port: number }).port;
  return {
    cloud,
    server,
    port,
    base: cloud.baseUrl,
    staticRoot,
    close: () => {
      server.closeAllConnections();
      server.close();
      cloud.close();
    },
  };
}

export interface RawResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
  readonly text: string;
  json(): unknown;
}

export interface RawRequest {
  readonly method?: string;
  /** Sent exactly as written, not normalised (`/%E0%A4%A` stays malformed). */
  readonly path: string;
  readonly headers?: Record<string, string>;
  readonly body?: string | Buffer;
  /** The Host header; `null` sends none. Default: `127.0.0.1:<port>`. */
  readonly host?: string | null;
}

/** One request through node:http, with nothing added but what is asked for (and Host). */
export function raw(port: number, options: RawRequest): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const host = options.host === undefined ? `127.0.0.1:${port}` : options.host;
    const request = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'GET',
        path: options.path,
        setHost: false,
        headers: { ...(host === null ? {} : { host }), ...(options.headers ?? {}) },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const body = Buffer.concat(chunks);
          const text = body.toString('utf8');
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body, text, json: () => JSON.parse(text) as unknown });
        });
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(options.body);
  });
}

/** A JSON POST as the h5 app sends it (same origin: no Origin header at all, like a non-browser client). */
export function postJson(port: number, pathName: string, body: unknown, headers: Record<string, string> = {}, host?: string | null): Promise<RawResponse> {
  return raw(port, { method: 'POST', path: pathName, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body), ...(host !== undefined ? { host } : {}) });
}

/** Signs in through the HTTP endpoint; answers the `name=value` cookie. */
export async function signIn(port: number, openid: string): Promise<string> {
  const response = await postJson(port, '/__local/signin', { openid });
  if (response.status !== 200) throw new Error(`sign-in as ${openid} answered ${response.status}: ${response.text}`);
  const cookie = String(response.headers['set-cookie']?.[0] ?? '');
  return cookie.split(';')[0]!;
}

export async function whoami(port: number, cookie: string): Promise<unknown> {
  return (await postJson(port, '/api/call', { action: 'session.whoami', input: {} }, { cookie })).json();
}

/**
 * A slow client: sends the headers and the first part of a body, then nothing. Answers what the server
 * said and how long it took, or `timedOut` when it held the connection open past `giveUpMs`.
 */
export function slowBody(port: number, pathName: string, headers: Record<string, string>, firstPart: string, giveUpMs: number): Promise<{ status: number | 'timedOut'; text: string; ms: number }> {
  return new Promise((resolve) => {
    const started = Date.now();
    const socket = connect(port, '127.0.0.1');
    let received = '';
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ status: 'timedOut', text: received, ms: Date.now() - started });
    }, giveUpMs);
    const finish = () => {
      clearTimeout(timer);
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(received)?.[1] ?? 0);
      resolve({ status, text: received.split('\r\n\r\n').slice(1).join('\r\n\r\n'), ms: Date.now() - started });
    };
    socket.on('data', (chunk) => {
      received += chunk.toString('utf8');
    });
    socket.on('end', finish);
    socket.on('close', () => {
      if (received) finish();
    });
    socket.on('error', () => undefined);
    socket.on('connect', () => {
      const lines = [`POST ${pathName} HTTP/1.1`, `Host: 127.0.0.1:${port}`, ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`)];
      socket.write(`${lines.join('\r\n')}\r\n\r\n${firstPart}`);
    });
  });
}

export const hasChinese = (text: unknown): boolean => typeof text === 'string' && /[\u4e00-\u9fa5]/.test(text);

/** The envelope every refusal answers with: `{ ok: false, error: { code, message } }`, the message in Chinese. */
export function expectRefusal(response: RawResponse, status: number | number[]): { code: string; message: string } {
  const statuses = Array.isArray(status) ? status : [status];
  expect(statuses).toContain(response.status);
  const body = response.json() as { ok?: unknown; error?: { code?: unknown; message?: unknown } };
  expect(body.ok).toBe(false);
  expect(typeof body.error?.code).toBe('string');
  expect(hasChinese(body.error?.message)).toBe(true);
  return body.error as { code: string; message: string };
}
