import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import { appPolicy } from './policy';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** The type of a file of the h5 build (ours, not uploaded: uploads are typed by their content, see sniff.ts). */
function contentTypeOf(file: string): string {
  return types[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** index.html's CSP, computed once per build (it names the build's inline script by hash). */
const policies = new Map<string, { mtimeMs: number; policy: string }>();

function policyOf(file: string, mtimeMs: number, origins: readonly string[]): string {
  const key = `${file}\n${origins.join(' ')}`;
  const cached = policies.get(key);
  if (cached?.mtimeMs === mtimeMs) return cached.policy;
  const policy = appPolicy(readFileSync(file, 'utf8'), origins);
  policies.set(key, { mtimeMs, policy });
  return policy;
}

/**
 * Serve a file of the h5 build; unknown paths fall back to index.html (the app routes itself).
 * `decodedPath` is the URL path already percent-decoded (malformed ones are refused before this).
 */
export function serveStatic(root: string, decodedPath: string, response: ServerResponse, origins: readonly string[]): void {
  const candidate = path.normalize(path.join(root, decodedPath));
  const inside = candidate.startsWith(path.normalize(root + path.sep));
  const file = inside && existsSync(candidate) && statSync(candidate).isFile() ? candidate : path.join(root, 'index.html');
  if (!existsSync(file)) {
    response.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
    response.end('h5 应用尚未构建：请先运行 npm run build:h5（npm start 会自动构建）');
    return;
  }
  const stat = statSync(file);
  const type = contentTypeOf(file);
  const immutable = /\.[0-9a-f]{8,}\./.test(path.basename(file));
  response.writeHead(200, {
    'content-type': type,
    'content-length': stat.size,
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    ...(type.startsWith('text/html') ? { 'content-security-policy': policyOf(file, stat.mtimeMs, origins) } : {}),
  });
  createReadStream(file).pipe(response);
}
