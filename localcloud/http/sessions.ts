import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { LocalStore } from '../localStore';

export const SESSION_COOKIE = 'gj_local_session';

/** Local sign-in sessions: an httpOnly cookie naming a demo person's openid. Local only. */
export class LocalSessions {
  constructor(private readonly store: LocalStore) {}

  create(openid: string, now: Date): string {
    const token = randomBytes(24).toString('hex');
    this.store.sqlite.prepare('INSERT INTO sessions (token, openid, created_at) VALUES (?, ?, ?)').run(token, openid, now.getTime());
    return token;
  }

  remove(token: string): void {
    this.store.sqlite.prepare('DELETE FROM sessions WHERE token = ?').run(token);
  }

  openidOf(request: IncomingMessage): string | undefined {
    const token = tokenOf(request);
    if (!token) return undefined;
    const row = this.store.sqlite.prepare('SELECT openid FROM sessions WHERE token = ?').get(token) as { openid: string } | undefined;
    return row?.openid;
  }
}

export function tokenOf(request: IncomingMessage): string | undefined {
  const cookies = request.headers.cookie ?? '';
  for (const part of cookies.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SESSION_COOKIE) return value.join('=');
  }
  return undefined;
}

export function sessionCookie(token: string): string {
  return `${SESSION_COOKIE}=${token}; HttpOnly; SameSite=Lax; Path=/`;
}

export function clearedSessionCookie(): string {
  return `${SESSION_COOKIE}=; HttpOnly; SameSite=Lax; Path=/; Max-Age=0`;
}
