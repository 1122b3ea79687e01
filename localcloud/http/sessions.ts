import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { LocalStore } from '../localStore';

export const SESSION_COOKIE = 'gj_local_session';

/** A session lives 7 days from sign-in: the browser drops the cookie then (Max-Age) and the server forgets it. */
export const SESSION_MAX_AGE_SECONDS = 7 * 24 * 60 * 60;

/**
 * Local sign-in sessions: an httpOnly cookie naming a demo person's openid. Local only.
 * The store keeps only a hash of each token, so a copy of the data folder signs nobody in, and forgets
 * sessions older than SESSION_MAX_AGE_SECONDS (on start, on each sign-in and when one is presented).
 */
export class LocalSessions {
  constructor(
    private readonly store: LocalStore,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.forgetExpired();
  }

  create(openid: string): string {
    this.forgetExpired();
    const token = randomBytes(32).toString('base64url');
    this.store.sqlite.prepare('INSERT INTO sessions (token, openid, created_at) VALUES (?, ?, ?)').run(hashOf(token), openid, this.now().getTime());
    return token;
  }

  remove(token: string): void {
    this.store.sqlite.prepare('DELETE FROM sessions WHERE token = ?').run(hashOf(token));
  }

  openidOf(request: IncomingMessage): string | undefined {
    const token = tokenOf(request);
    if (!token) return undefined;
    const row = this.store.sqlite.prepare('SELECT openid, created_at FROM sessions WHERE token = ?').get(hashOf(token)) as { openid: string; created_at: number } | undefined;
    if (!row) return undefined;
    if (row.created_at <= this.oldestValid()) {
      this.remove(token);
      return undefined;
    }
    return row.openid;
  }

  private oldestValid(): number {
    return this.now().getTime() - SESSION_MAX_AGE_SECONDS * 1000;
  }

  private forgetExpired(): void {
    this.store.sqlite.prepare('DELETE FROM sessions WHERE created_at <= ?').run(this.oldestValid());
  }
}

function hashOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function tokenOf(request: IncomingMessage): string | undefined {
  const cookies = request.headers.cookie ?? '';
  for (const part of cookies.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SESSION_COOKIE) return value.join('=') || undefined;
  }
  return undefined;
}

export function sessionCookie(token: string): string {
  return `${SESSION_COOKIE}=${token}; HttpOnly; SameSite=Lax; Path=/; Max-Age=${SESSION_MAX_AGE_SECONDS}`;
}

export function clearedSessionCookie(): string {
  return `${SESSION_COOKIE}=; HttpOnly; SameSite=Lax; Path=/; Max-Age=0`;
}
