/**
 * What the local server checks before it answers anything, and the headers it puts on every answer.
 * Each rule answers one attack: DNS rebinding (Host), cross-site writes (Origin / Sec-Fetch-Site),
 * MIME sniffing, framing, referrer leaks of signed links, and injected or foreign script (CSP).
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import os from 'node:os';

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\./.test(host);
}

export function isWildcard(host: string): boolean {
  return host === '0.0.0.0' || host === '::' || host === '';
}

/** A host as it appears in a Host header: IPv6 in brackets, lower case. */
function hostName(host: string): string {
  const lower = host.toLowerCase();
  return lower.includes(':') && !lower.startsWith('[') ? `[${lower}]` : lower;
}

/**
 * The names a Host header may carry (with the listening port): the loopback names, the listening
 * address (every interface address when listening on all of them), and any name configured with
 * `--allow-host`. A page on another name that resolves here (DNS rebinding) is refused.
 */
export function allowedHostNames(listenHost: string, extra: readonly string[] = []): Set<string> {
  const names = new Set(['127.0.0.1', 'localhost', '[::1]']);
  if (isWildcard(listenHost)) {
    for (const addresses of Object.values(os.networkInterfaces())) {
      for (const address of addresses ?? []) names.add(hostName(address.address.replace(/%.*$/, '')));
    }
  } else {
    names.add(hostName(listenHost));
  }
  for (const name of extra) if (name.trim()) names.add(hostName(name.trim()));
  return names;
}

/** The request's Host header when it names this server (`name:port`, lower case), otherwise undefined. */
export function checkedHost(request: IncomingMessage, names: ReadonlySet<string>, port: number): string | undefined {
  const header = request.headers.host?.toLowerCase();
  if (!header) return undefined;
  const match = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::(\d{1,5}))?$/.exec(header);
  if (!match) return undefined;
  const [, name, portText] = match;
  if (!names.has(name!) || Number(portText ?? 80) !== port) return undefined;
  return header;
}

/**
 * A write (any method but GET and HEAD) that a browser sent on behalf of another site or another port
 * of this machine: refused. Browsers name the initiator in `Sec-Fetch-Site` (on loopback) and in
 * `Origin` (on every POST); clients that are not browsers send neither and cannot carry a victim's cookie.
 */
export function isCrossSiteWrite(request: IncomingMessage, host: string): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return true;
  const origin = request.headers.origin;
  if (origin === undefined) return false;
  const lower = origin.toLowerCase();
  return lower !== `http://${host}` && lower !== `https://${host}`;
}

/** CSP of every answer that is not the app or a file: nothing may load, nothing may frame it. */
const apiPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** Uploaded files: never a document that can run anything, even if a browser renders one. */
export const filePolicy = "default-src 'none'; sandbox; frame-ancestors 'none'";

/** Headers on every answer; the app and files replace the CSP with their own. */
export function setSecurityHeaders(response: ServerResponse): void {
  response.setHeader('x-content-type-options', 'nosniff');
  response.setHeader('referrer-policy', 'no-referrer');
  response.setHeader('x-frame-options', 'DENY');
  response.setHeader('content-security-policy', apiPolicy);
  response.setHeader('cross-origin-opener-policy', 'same-origin');
}

/**
 * The h5 app's CSP: its own script files and, by hash, the inline script the build puts in index.html;
 * no other inline script, no eval, no foreign origin. Styles may be inline (Taro components set them).
 * Images and fetches may also use the server's other loopback names (temporary file links are absolute).
 */
export function appPolicy(html: string, origins: readonly string[]): string {
  const hashes = [...html.matchAll(/<script\b(?![^>]*\bsrc\s*=)[^>]*>([\s\S]*?)<\/script>/gi)]
    .map((match) => `'sha256-${createHash('sha256').update(match[1] ?? '').digest('base64')}'`);
  const own = ["'self'", ...origins].join(' ');
  return [
    "default-src 'self'",
    ['script-src', "'self'", ...new Set(hashes)].join(' '),
    "style-src 'self' 'unsafe-inline'",
    `img-src ${own} data: blob:`,
    `media-src ${own} blob:`,
    `connect-src ${own} blob:`,
    "font-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}
