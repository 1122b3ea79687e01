import type { Session } from './browser';
import { openBrowser } from './browser';

/**
 * A browser already signed in as `openid` through the local sign-in (a demo person, or any new openid
 * that will join with an invitation), so a journey starts on the page it is about.
 */
export async function signedIn(openid: string, options: Parameters<typeof openBrowser>[0] = {}): Promise<Session> {
  const session = await openBrowser(options);
  const response = await session.context.request.post('/__local/signin', { data: { openid } });
  if (!response.ok()) throw new Error(`local sign-in as ${openid} answered ${response.status()}`);
  return session;
}

/**
 * Calls a cloud function action as the session's person, the way the h5 app does (`/api/call`), to set
 * up data a journey starts from; fails with the action's error so a broken setup says why.
 */
export async function act<T = unknown>(session: Session, action: string, input: unknown): Promise<T> {
  const response = await session.context.request.post('/api/call', { data: { action, input } });
  const body = (await response.json()) as { ok: true; data: T } | { ok: false; error: { code: string; message: string } };
  if (!body.ok) throw new Error(`${action} failed: ${body.error.code} ${body.error.message}`);
  return body.data;
}

/** Calls an action expected to be refused, answering its error. */
export async function refusedAct(session: Session, action: string, input: unknown): Promise<{ code: string; message: string }> {
  const response = await session.context.request.post('/api/call', { data: { action, input } });
  const body = (await response.json()) as { ok: true } | { ok: false; error: { code: string; message: string } };
  if (body.ok) throw new Error(`${action} was expected to be refused but succeeded`);
  return body.error;
}
