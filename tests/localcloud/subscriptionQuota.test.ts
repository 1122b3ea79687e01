/**
 * Subscription quotas as WeChat keeps them: a send succeeds only against an allowance the person gave by
 * tapping (one-time: one allowance, one send; long-term: on until refused); otherwise 43101, and the
 * outbox shows the send as refused. The h5 client reports its allowances over HTTP.
 */
import { LocalCloud } from '../../localcloud';
import { wxServerSdk } from '../../localcloud/sdk';
import { collections } from '../../server/db/collections';
import type { Local } from './httpHarness';
import { expectRefusal, postJson, signIn, startLocal } from './httpHarness';

const message = (touser: string, templateId = 'tpl-once') => ({ touser, templateId, page: 'pages/home/index', data: { thing1: { value: '一月一到访' } } });
const send = (touser: string, templateId?: string) => wxServerSdk().openapi.subscribeMessage.send(message(touser, templateId));

describe('one-time and long-term allowances', () => {
  let cloud: LocalCloud;
  beforeEach(() => {
    cloud = new LocalCloud({ dataDir: null, collections, limits: { longTermTemplates: ['tpl-long'] } });
  });
  afterEach(() => cloud.close());

  it('refuses a send nobody allowed with 43101, and keeps it in the outbox as refused', async () => {
    await expect(send('openid-a')).rejects.toMatchObject({ errCode: 43101 });
    expect(cloud.outbox.list({ touser: 'openid-a' })).toEqual([]);
    expect(cloud.outbox.list({ touser: 'openid-a', status: 'all' })).toEqual([expect.objectContaining({ status: 'refused', errCode: 43101, templateId: 'tpl-once' })]);
  });

  it('gives one send per accepted ask of a one-time template; asks add up', async () => {
    cloud.subscriptions.record('openid-a', { 'tpl-once': 'accept' });
    cloud.subscriptions.record('openid-a', { 'tpl-once': 'accept', 'tpl-other': 'reject' });
    await expect(send('openid-a')).resolves.toMatchObject({ errCode: 0 });
    await expect(send('openid-a')).resolves.toMatchObject({ errCode: 0 });
    await expect(send('openid-a')).rejects.toMatchObject({ errCode: 43101 });
    await expect(send('openid-a', 'tpl-other')).rejects.toMatchObject({ errCode: 43101 });
    expect(cloud.outbox.list({ touser: 'openid-a' }).map((entry) => entry.status)).toEqual(['sent', 'sent']);
  });

  it("an allowance is the person's own: another person's send is refused", async () => {
    cloud.subscriptions.grant('openid-a', 'tpl-once');
    await expect(send('openid-b')).rejects.toMatchObject({ errCode: 43101 });
    await expect(send('openid-a')).resolves.toMatchObject({ errCode: 0 });
  });

  it('a long-term template keeps sending once accepted, until the person refuses it', async () => {
    cloud.subscriptions.record('openid-a', { 'tpl-long': 'accept' });
    for (let index = 0; index < 5; index += 1) await expect(send('openid-a', 'tpl-long')).resolves.toMatchObject({ errCode: 0 });
    cloud.subscriptions.record('openid-a', { 'tpl-long': 'reject' });
    await expect(send('openid-a', 'tpl-long')).rejects.toMatchObject({ errCode: 43101 });
  });

  it('refuses more than 3 templates in one ask, as WeChat does', () => {
    expect(() => cloud.subscriptions.record('openid-a', { a: 'accept', b: 'accept', c: 'accept', d: 'accept' })).toThrow(/more than 3/);
    expect(cloud.subscriptions.remaining('openid-a', 'a')).toBe(0);
  });

  it('a send failing its field checks (47003) uses no allowance', async () => {
    cloud.subscriptions.grant('openid-a', 'tpl-once');
    await expect(wxServerSdk().openapi.subscribeMessage.send({ ...message('openid-a'), data: { thing1: { value: '一二三四五六七八九十一二三四五六七八九十一' } } })).rejects.toMatchObject({ errCode: 47003 });
    expect(cloud.subscriptions.remaining('openid-a', 'tpl-once')).toBe(1);
  });
});

describe('the h5 client reports its allowances', () => {
  let local: Local;
  beforeAll(async () => {
    local = await startLocal();
  });
  afterAll(() => local.close());

  it('records what a signed-in person accepted, and the outbox then shows the message as sent', async () => {
    const cookie = await signIn(local.port, 'demo-wangfang');
    const answered = await postJson(local.port, '/__local/subscriptions', { answers: { 'local-confirm-request': 'accept' } }, { cookie });
    expect(answered.status).toBe(200);
    expect(answered.json()).toEqual({ ok: true, data: { remaining: { 'local-confirm-request': 1 } } });
    await expect(send('demo-wangfang', 'local-confirm-request')).resolves.toMatchObject({ errCode: 0 });
    await expect(send('demo-wangfang', 'local-confirm-request')).rejects.toMatchObject({ errCode: 43101 });
    expect(local.cloud.outbox.list({ touser: 'demo-wangfang', status: 'all' }).map((entry) => entry.status)).toEqual(['refused', 'sent']);
  });

  it('refuses an allowance without a signed-in person, and malformed or oversized asks', async () => {
    expect(expectRefusal(await postJson(local.port, '/__local/subscriptions', { answers: { x: 'accept' } }), 401).code).toBe('UNAUTHENTICATED');
    const cookie = await signIn(local.port, 'demo-liming');
    for (const answers of [{}, { a: 'yes' }, { a: 'accept', b: 'accept', c: 'accept', d: 'accept' }, ['a']]) {
      expect(expectRefusal(await postJson(local.port, '/__local/subscriptions', { answers }, { cookie }), 400).code).toBe('INVALID_INPUT');
    }
    expect(local.cloud.subscriptions.remaining('demo-liming', 'a')).toBe(0);
  });
});
