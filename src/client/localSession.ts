/**
 * Local demo sign-in (h5 against the local cloud only; never part of the weapp build).
 * The local server identifies the caller by an httpOnly cookie that these endpoints set and clear.
 */
import type { DemoPerson } from '../contract/localSignIn';
import { networkFailureMessage } from './envelope';

/** A failure with a message meant for people, in Chinese. */
export class LocalSessionError extends Error {
  override readonly name = 'LocalSessionError';
}

async function request(method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      credentials: 'same-origin',
      ...(body === undefined
        ? {}
        : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
  } catch {
    throw new LocalSessionError(networkFailureMessage);
  }
  if (!res.ok) throw new LocalSessionError(await refusalMessage(res));
  try {
    return await res.json();
  } catch {
    throw new LocalSessionError('本地演示服务的回答无法识别');
  }
}

/** The local server's own Chinese message when it sends one (`{ ok: false, error: { message } }`), else one worded by the status. */
async function refusalMessage(res: Response): Promise<string> {
  try {
    const body = (await res.json()) as { error?: { message?: unknown } } | null;
    if (typeof body?.error?.message === 'string' && body.error.message !== '') return body.error.message;
  } catch {
    // No JSON body: worded by the status below.
  }
  if (res.status === 401) return '请先登录本地演示账号后再查看';
  if (res.status === 403) return '您没有权限查看这些内容';
  return `本地演示服务出错（${res.status}），请确认本地云已启动`;
}

export async function listDemoPeople(): Promise<DemoPerson[]> {
  const raw = await request('GET', '/__local/people');
  const people = (raw as { people?: unknown } | null)?.people;
  if (!Array.isArray(people)) throw new LocalSessionError('本地演示服务的回答无法识别');
  return people as DemoPerson[];
}

export async function signInAs(openid: string): Promise<void> {
  const raw = await request('POST', '/__local/signin', { openid });
  if ((raw as { ok?: unknown } | null)?.ok !== true) throw new LocalSessionError('登录失败，请重试');
}

export async function signOut(): Promise<void> {
  await request('POST', '/__local/signout');
}

/** A subscription message the local cloud captured instead of delivering (`GET /__local/outbox`). */
export interface OutboxMessage {
  readonly id: number;
  readonly sentAt: string;
  readonly touser: string;
  readonly templateId: string;
  /** Mini-program page with its query, without a leading slash. */
  readonly page?: string;
  readonly data: Readonly<Record<string, { readonly value: string }>>;
  /** `refused`: WeChat would have answered 43101, the person had not allowed this message. */
  readonly status?: 'sent' | 'refused';
}

export async function listOutbox(): Promise<OutboxMessage[]> {
  const raw = await request('GET', '/__local/outbox');
  const messages = (raw as { messages?: unknown } | null)?.messages;
  if (!Array.isArray(messages)) throw new LocalSessionError('本地演示服务的回答无法识别');
  return messages as OutboxMessage[];
}
