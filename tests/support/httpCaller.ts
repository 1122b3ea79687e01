/**
 * The h5 client's two requests, sent from Node as a phone's browser would: local sign-in
 * (`POST /__local/signin`, a session cookie) and one action (`POST /api/call`, src/client/callAction.ts).
 */
import type { ActionInput, ActionName, ActionOutput } from '../../src/contract/actions';
import type { ActionResult } from '../../src/contract/result';

/** No answer reached the caller: the connection failed or broke before a whole JSON body arrived. */
export const LOST = 'lost';
export type Answer<T> = ActionResult<T> | typeof LOST;

/** Signs `openid` in; answers the `name=value` cookie to send with its calls. */
export async function signInOverHttp(baseUrl: string, openid: string): Promise<string> {
  const response = await fetch(`${baseUrl}/__local/signin`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ openid }) });
  const cookie = response.headers.get('set-cookie')?.split(';')[0];
  if (!response.ok || !cookie) throw new Error(`sign-in as ${openid} answered ${response.status}: ${await response.text()}`);
  return cookie;
}

export async function callOverHttp<K extends ActionName>(baseUrl: string, cookie: string, action: K, input: ActionInput<K>): Promise<Answer<ActionOutput<K>>> {
  try {
    const response = await fetch(`${baseUrl}/api/call`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ action, input }) });
    return (await response.json()) as ActionResult<ActionOutput<K>>;
  } catch {
    return LOST;
  }
}

/** A call that must succeed (setting up a round): its data, or an error naming what it answered. */
export async function dataOverHttp<K extends ActionName>(baseUrl: string, cookie: string, action: K, input: ActionInput<K>): Promise<ActionOutput<K>> {
  const answer = await callOverHttp(baseUrl, cookie, action, input);
  if (answer === LOST) throw new Error(`${action}: no answer`);
  if (!answer.ok) throw new Error(`${action}: ${answer.error.code} ${answer.error.message}`);
  return answer.data;
}
