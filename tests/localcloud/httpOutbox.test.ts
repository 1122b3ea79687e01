/**
 * The local outbox holds every subscription message the functions sent, with its recipient and its
 * one-click confirm token. Attack: read someone else's messages (and their confirm links) over HTTP.
 */
import { wxServerSdk } from '../../localcloud/sdk';
import type { Local } from './httpHarness';
import { expectRefusal, raw, signIn, startLocal } from './httpHarness';

let local: Local;
beforeAll(async () => {
  local = await startLocal();
  const send = (touser: string, token: string) => {
    local.cloud.subscriptions.grant(touser, 'local-confirm-request');
    return wxServerSdk().openapi.subscribeMessage.send({ touser, templateId: 'local-confirm-request', page: `pages/confirm/index?t=${token}`, data: { thing1: { value: '一月一到访' } } });
  };
  await send('demo-wangfang', 'for-wangfang');
  await send('demo-liuyang', 'for-liuyang');
});
afterAll(() => local.close());

type Outbox = { messages: Array<{ touser: string; page?: string }> };
const outbox = (cookie?: string, query = '') => raw(local.port, { path: `/__local/outbox${query}`, headers: cookie ? { cookie } : {} });

describe('the local outbox', () => {
  it('is refused to anyone not signed in, with a Chinese message', async () => {
    const error = expectRefusal(await outbox(), 401);
    expect(error.code).toBe('UNAUTHENTICATED');
  });

  it("shows a signed-in person only their own messages, never another person's confirm token", async () => {
    const wangfang = await signIn(local.port, 'demo-wangfang');
    const response = await outbox(wangfang);
    expect(response.status).toBe(200);
    const { messages } = response.json() as Outbox;
    expect(messages.map((message) => message.page)).toEqual(['pages/confirm/index?t=for-wangfang']);
    expect(response.text).not.toContain('for-liuyang');
  });

  it('refuses a person who asks for someone else’s messages by name', async () => {
    const wangfang = await signIn(local.port, 'demo-wangfang');
    const error = expectRefusal(await outbox(wangfang, '?touser=demo-liuyang'), 403);
    expect(error.code).toBe('FORBIDDEN');
  });

  it('gives a street office only its own messages too (everything is for the district office)', async () => {
    const sunli = await signIn(local.port, 'demo-sunli');
    const { messages } = (await outbox(sunli)).json() as Outbox;
    expect(messages).toEqual([]);
  });

  it('shows a district office everything, or one recipient when asked', async () => {
    const zhoutao = await signIn(local.port, 'demo-zhoutao');
    const all = (await outbox(zhoutao)).json() as Outbox;
    expect(all.messages.map((message) => message.touser).sort()).toEqual(['demo-liuyang', 'demo-wangfang']);
    const one = (await outbox(zhoutao, '?touser=demo-liuyang')).json() as Outbox;
    expect(one.messages.map((message) => message.touser)).toEqual(['demo-liuyang']);
  });
});
