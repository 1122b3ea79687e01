import path from 'node:path';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { functionOf } from '../../src/contract/actions';
import { errorMessages } from '../../src/contract/errors';
import type { ErrorCode } from '../../src/contract/errors';
import type { LocalCloud } from '../index';
import { BodyError, readJsonBody, readRawBody } from './body';
import type { BodyLimits } from './body';
import { demoPeople, holdsDistrictOffice } from './demoPeople';
import { allowedHostNames, checkedHost, filePolicy, isCrossSiteWrite, isLoopback, isWildcard, setSecurityHeaders } from './policy';
import { clearedSessionCookie, LocalSessions, sessionCookie, tokenOf } from './sessions';
import { photoKinds, sniff } from './sniff';
import type { FileKind } from './sniff';
import { serveStatic } from './static';
import { MAX_TEMPLATES_PER_ASK } from '../subscriptions';
import type { SubscribeAnswer } from '../subscriptions';

export { isLoopback } from './policy';

export interface HttpOptions {
  readonly cloud: LocalCloud;
  /** The h5 build to serve (dist/h5). */
  readonly staticRoot: string;
  readonly host: string;
  readonly port: number;
  /** Local sign-in is refused unless the server listens on loopback or this is set. */
  readonly allowRemoteSignIn?: boolean;
  /** Host names (besides loopback and the listening address) that requests may name in their Host header. */
  readonly allowedHosts?: readonly string[];
  readonly maxBodyBytes?: number;
  /** A request body must arrive within this time (default 10 s; uploads get three times as long). */
  readonly bodyTimeoutMs?: number;
  /** What one person may keep in uploads (default 200 MB). */
  readonly uploadQuotaBytes?: number;
  readonly now?: () => Date;
  readonly log?: (line: string) => void;
}

/** Imports and plan attachments may be up to 10 MB; pages check photo sizes before sending. */
const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/** What each feature's uploads may be, judged by content (sniff.ts); the first folder of the cloud path names the feature. */
const photos = { kinds: photoKinds, refusal: '只能上传照片（JPEG、PNG、WebP、GIF 或 HEIC）' };
const uploadFeatures: Record<string, { kinds: readonly FileKind[]; refusal: string }> = {
  checkins: photos,
  records: photos,
  plans: { kinds: ['pdf', 'docx', 'doc', 'xlsx', 'xls', 'csv', ...photoKinds], refusal: '只能上传 PDF、Word、Excel、CSV 文件或照片' },
  imports: { kinds: ['xlsx', 'xls', 'csv'], refusal: '只能上传 Excel（.xlsx、.xls）或 CSV 文件' },
};

/**
 * The local cloud over HTTP on one port: the h5 app, `/api/call` (the same typed actions the
 * mini-program reaches through wx.cloud), and the local-only helpers under `/__local/`.
 * Every request is checked in this order: its Host (DNS rebinding), its URL, and for writes its origin
 * (cross-site requests); every answer carries the security headers of policy.ts.
 */
export function startHttpServer(options: HttpOptions): Promise<Server> {
  const { cloud } = options;
  const now = options.now ?? (() => new Date());
  const sessions = new LocalSessions(cloud.store, now);
  const bodyTimeoutMs = options.bodyTimeoutMs ?? 10_000;
  const jsonLimits: BodyLimits = { maxBytes: options.maxBodyBytes ?? 1024 * 1024, timeoutMs: bodyTimeoutMs };
  const signInLimits: BodyLimits = { maxBytes: 4096, timeoutMs: bodyTimeoutMs };
  const uploadLimits: BodyLimits = { maxBytes: MAX_UPLOAD_BYTES, timeoutMs: bodyTimeoutMs * 3 };
  const uploadQuota = options.uploadQuotaBytes ?? 200 * 1024 * 1024;
  const log = options.log ?? (() => undefined);
  const signInAllowed = isLoopback(options.host) || options.allowRemoteSignIn === true;
  const hostNames = allowedHostNames(options.host, options.allowedHosts);
  let port = options.port;
  let ownOrigins: string[] = [];

  // A request without Host is answered by handle() (421, with the envelope), not by Node's bare 400.
  const server = createServer({ requireHostHeader: false }, (request, response) => {
    setSecurityHeaders(response);
    handle(request, response).catch((error: unknown) => {
      if (error instanceof BodyError) return refuseBody(request, response, error);
      log(`[local-cloud] ${request.method} ${request.url} failed: ${error instanceof Error ? error.stack : String(error)}`);
      if (!response.headersSent) sendFailure(response, 500, 'INTERNAL');
      else response.end();
    });
  });
  // Node's own limits behind the body timeout: headers within 10 s, a whole request within a minute.
  server.headersTimeout = 10_000;
  server.requestTimeout = Math.max(60_000, uploadLimits.timeoutMs + 5_000);

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const host = checkedHost(request, hostNames, port);
    if (!host) return sendFailure(response, 421, 'FORBIDDEN', '不接受这个地址的访问：请使用启动时打印的地址打开（或用 --allow-host 允许这个主机名）');
    const target = parseTarget(request.url ?? '');
    if (!target) return sendFailure(response, 400, 'INVALID_INPUT', '网址格式不对');
    const { url, path } = target;
    const method = request.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD' && isCrossSiteWrite(request, host)) {
      return sendFailure(response, 403, 'FORBIDDEN', '不接受来自其他网站的请求');
    }
    const route = `${method} ${url.pathname}`;
    if (route === 'POST /api/call') return callAction(request, response);
    if (route === 'POST /api/upload') return upload(request, response);
    if (route === 'GET /__local/health') return sendJson(response, 200, { ok: true, env: cloud.env, functions: cloud.functions.names() });
    if (route === 'GET /__local/people') return guardSignIn(response) ? listPeople(response) : undefined;
    if (route === 'POST /__local/signin') return guardSignIn(response) ? signIn(request, response) : undefined;
    if (route === 'POST /__local/signout') return signOut(request, response);
    if (route === 'GET /__local/outbox') return outbox(request, url, response);
    if (route === 'POST /__local/subscriptions') return recordSubscriptions(request, response);
    if (method === 'GET' && url.pathname.startsWith('/__local/files/')) return serveFile(url, response);
    if (method === 'GET' || method === 'HEAD') return serveStatic(options.staticRoot, path, response, ownOrigins);
    return sendFailure(response, 404, 'NOT_FOUND');
  }

  async function callAction(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await readJsonBody(request, jsonLimits);
    const action = typeof body === 'object' && body !== null ? (body as { action?: unknown }).action : undefined;
    if (typeof action !== 'string' || !cloud.functions.has(functionOf(action))) return sendFailure(response, 404, 'UNKNOWN_ACTION');
    const input = (body as { input?: unknown }).input ?? {};
    const viewer = (body as { viewer?: unknown }).viewer === true;
    const result = await cloud.callAs(sessions.openidOf(request), functionOf(action), viewer ? { action, input, viewer } : { action, input });
    return sendJson(response, 200, result);
  }

  /**
   * The h5 stand-in for `wx.cloud.uploadFile`: a signed-in person stores a photo or a document in cloud
   * storage. What is accepted depends on the feature and on the bytes alone, never on the name or the
   * declared type. The custom `x-cloud-path` header also keeps plain cross-site forms out.
   */
  async function upload(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const openid = sessions.openidOf(request);
    if (!openid) return sendFailure(response, 401, 'UNAUTHENTICATED');
    const cloudPath = String(request.headers['x-cloud-path'] ?? '');
    if (!/^[\w\-./]{1,200}$/.test(cloudPath) || cloudPath.includes('..')) return sendFailure(response, 400, 'INVALID_INPUT', '文件保存位置不对');
    const folder = `uploads/${openid}`;
    const declared = Number(request.headers['content-length'] ?? 0);
    if (cloud.storage.bytesUnder(folder) + (Number.isFinite(declared) ? declared : 0) > uploadQuota) {
      return sendFailure(response, 413, 'PAYLOAD_TOO_LARGE', `您上传的文件总量已达上限（${Math.round(uploadQuota / 1024 / 1024)} MB）`);
    }
    const content = await readRawBody(request, uploadLimits);
    if (content.length === 0) return sendFailure(response, 400, 'INVALID_INPUT', '文件是空的，请重新选择');
    const feature = uploadFeatures[cloudPath.replace(/^\/+/, '').split('/')[0] ?? ''] ?? photos;
    const type = sniff(content);
    if (!type || !feature.kinds.includes(type.kind)) return sendFailure(response, 415, 'INVALID_INPUT', feature.refusal);
    if (cloud.storage.bytesUnder(folder) + content.length > uploadQuota) {
      return sendFailure(response, 413, 'PAYLOAD_TOO_LARGE', `您上传的文件总量已达上限（${Math.round(uploadQuota / 1024 / 1024)} MB）`);
    }
    const { fileID } = cloud.storage.upload(`${folder}/${cloudPath}`, content, openid);
    sendJson(response, 200, { ok: true, data: { fileID } });
  }

  function guardSignIn(response: ServerResponse): boolean {
    if (signInAllowed) return true;
    sendFailure(response, 403, 'FORBIDDEN', '本地演示登录只在本机可用');
    return false;
  }

  function listPeople(response: ServerResponse): void {
    sendJson(response, 200, { people: demoPeople(cloud.db) });
  }

  async function signIn(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await readJsonBody(request, signInLimits);
    const openid = typeof body === 'object' && body !== null ? (body as { openid?: unknown }).openid : undefined;
    if (typeof openid !== 'string' || !/^[\w-]{1,64}$/.test(openid)) return sendFailure(response, 400, 'INVALID_INPUT');
    const previous = tokenOf(request);
    if (previous) sessions.remove(previous);
    response.setHeader('set-cookie', sessionCookie(sessions.create(openid)));
    sendJson(response, 200, { ok: true });
  }

  function signOut(request: IncomingMessage, response: ServerResponse): void {
    const token = tokenOf(request);
    if (token) sessions.remove(token);
    response.setHeader('set-cookie', clearedSessionCookie());
    sendJson(response, 200, { ok: true });
  }

  /**
   * The captured subscription messages, delivered and refused (`status: 'refused'`, errCode 43101: no
   * allowance): a person's own, or (district office) everyone's or one recipient's.
   */
  function outbox(request: IncomingMessage, url: URL, response: ServerResponse): void {
    const openid = sessions.openidOf(request);
    if (!openid) return sendFailure(response, 401, 'UNAUTHENTICATED');
    const asked = url.searchParams.get('touser') ?? undefined;
    const everyone = holdsDistrictOffice(cloud.db, openid);
    if (asked !== undefined && asked !== openid && !everyone) return sendFailure(response, 403, 'FORBIDDEN', '只能查看发给您本人的消息');
    const limit = Number.parseInt(url.searchParams.get('limit') ?? '50', 10);
    const touser = everyone ? asked : openid;
    sendJson(response, 200, { messages: cloud.outbox.list({ ...(touser !== undefined ? { touser } : {}), limit: Number.isFinite(limit) ? limit : 50, status: 'all' }) });
  }

  /**
   * The h5 stand-in for WeChat's subscription dialog: right after a tap asked for templates, the client
   * reports the answers (`{ answers: { [templateId]: 'accept' | 'reject' } }`, at most 3 as in WeChat), and
   * each acceptance becomes one allowance of the signed-in person. Answers who may now receive what.
   */
  async function recordSubscriptions(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const openid = sessions.openidOf(request);
    if (!openid) return sendFailure(response, 401, 'UNAUTHENTICATED');
    const body = await readJsonBody(request, signInLimits);
    const answers = typeof body === 'object' && body !== null ? (body as { answers?: unknown }).answers : undefined;
    if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) return sendFailure(response, 400, 'INVALID_INPUT');
    const entries = Object.entries(answers as Record<string, unknown>);
    const valid = entries.every(([id, answer]) => /^[\w-]{1,64}$/.test(id) && (answer === 'accept' || answer === 'reject'));
    if (!valid || entries.length === 0 || entries.length > MAX_TEMPLATES_PER_ASK) return sendFailure(response, 400, 'INVALID_INPUT', `一次最多请求 ${MAX_TEMPLATES_PER_ASK} 个订阅消息模板`);
    const recorded = Object.fromEntries(entries) as Record<string, SubscribeAnswer>;
    cloud.subscriptions.record(openid, recorded);
    sendJson(response, 200, { ok: true, data: { remaining: Object.fromEntries(entries.map(([id]) => [id, remainingOf(openid, id)])) } });
  }

  /** JSON has no Infinity: a long-term template answers -1 (“until refused”). */
  function remainingOf(openid: string, templateId: string): number {
    const left = cloud.subscriptions.remaining(openid, templateId);
    return left === Number.POSITIVE_INFINITY ? -1 : left;
  }

  /** A stored file behind a signed link: typed by its bytes, a download unless a safe image, sandboxed either way. */
  function serveFile(url: URL, response: ServerResponse): void {
    const relative = url.pathname.slice('/__local/files/'.length).split('/').map(decodeURIComponent).join('/');
    const file = cloud.storage.resolveSigned(relative, Number(url.searchParams.get('e')), url.searchParams.get('s') ?? '', now().getTime());
    if (!file) return sendFailure(response, 404, 'EXPIRED');
    const content = readFileSync(file);
    const type = sniff(content);
    response.writeHead(200, {
      'content-type': type?.contentType ?? 'application/octet-stream',
      'content-length': content.length,
      'content-security-policy': filePolicy,
      'cache-control': 'private, max-age=300',
      // Saved under the file's own (often Chinese) name, e.g. 2026年度积分表（龙岗区）.xlsx (RFC 6266 filename*).
      ...(type?.inline ? {} : { 'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(path.posix.basename(relative))}` }),
    });
    response.end(content);
  }

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      const address = server.address() as AddressInfo;
      port = address.port;
      // CSP host sources cannot name IPv6 literals; a page opened on [::1] still has 'self'.
      ownOrigins = [...hostNames].filter((name) => !name.startsWith('[')).map((name) => `http://${name}:${port}`);
      cloud.baseUrl = `http://${isLoopback(options.host) || isWildcard(options.host) ? '127.0.0.1' : options.host}:${address.port}`;
      resolve(server);
    });
  });
}

/** The request target as a URL and its percent-decoded path, or undefined when it is malformed. */
function parseTarget(raw: string): { url: URL; path: string } | undefined {
  if (!raw.startsWith('/')) return undefined;
  try {
    const url = new URL(`http://local${raw}`);
    const path = decodeURIComponent(url.pathname);
    // A whole path that decodes has segments that decode ('/' is never part of an escape): serveFile relies on it.
    return path.includes('\0') ? undefined : { url, path };
  } catch {
    return undefined;
  }
}

/** A body refused while it was read: answered with its status; a late (408) client is disconnected. */
function refuseBody(request: IncomingMessage, response: ServerResponse, error: BodyError): void {
  if (response.headersSent) {
    response.end();
    return;
  }
  if (error.status === 408) {
    response.setHeader('connection', 'close');
    response.on('finish', () => request.socket.destroy());
  }
  sendFailure(response, error.status, error.code, error.userMessage);
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store' });
  response.end(text);
}

function sendFailure(response: ServerResponse, status: number, code: ErrorCode, message: string = errorMessages[code]): void {
  sendJson(response, status, { ok: false, error: { code, message } });
}
