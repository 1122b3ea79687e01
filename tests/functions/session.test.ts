import type { TestCloud } from '../support/testCloud';
import { openTestCloud } from '../support/testCloud';

let t: TestCloud;
beforeAll(async () => {
  t = await openTestCloud();
});
afterAll(() => t.close());

describe('session.whoami', () => {
  it('answers the caller and their grants, read from the WeChat identity', async () => {
    const result = await t.call('demo-liming', 'session.whoami', {});
    expect(result).toEqual({
      ok: true,
      data: {
        person: {
          id: 'person-liming',
          name: '李明',
          grants: [{ role: 'unitStaff', scopeType: 'unit', scopeId: 'unit-001', scopeName: '区发展和改革局', approved: true }],
        },
      },
    });
  });

  it('answers person null for a WeChat identity that has not joined', async () => {
    expect(await t.call('openid-of-a-stranger', 'session.whoami', {})).toEqual({ ok: true, data: { person: null } });
  });

  it('refuses a call without a WeChat identity', async () => {
    const result = await t.call(undefined, 'session.whoami', {});
    expect(result).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录' } });
  });

  it('keeps each concurrent request on its own identity', async () => {
    const openids = ['demo-liming', 'demo-wangfang', 'demo-zhoutao', 'demo-sunli'];
    const results = await Promise.all(Array.from({ length: 40 }, (_, index) => t.call(openids[index % 4], 'session.whoami', {})));
    results.forEach((result, index) => {
      expect(result.ok && result.data.person?.id).toBe(`person-${openids[index % 4]!.slice(5)}`);
    });
  });
});

describe('the function boundary', () => {
  it('answers an unknown action with UNKNOWN_ACTION in Chinese and no stack trace', async () => {
    const result = await t.raw('demo-liming', 'session', { action: 'session.dropEverything', input: {} });
    expect(result).toEqual({ ok: false, error: { code: 'UNKNOWN_ACTION', message: '不支持的操作' } });
  });

  it.each([null, 'text', 42, [], { input: {} }, { action: 7 }])('answers a malformed event %p with a clear error', async (event) => {
    const result = (await t.raw('demo-liming', 'session', event)) as { ok: boolean; error: { code: string; message: string } };
    expect(result.ok).toBe(false);
    expect(result.error.code).toBe('UNKNOWN_ACTION');
    expect(JSON.stringify(result)).not.toMatch(/at .*\.ts|Error:/);
  });

  it('refuses input that does not match the contract and names the field', async () => {
    const result = await t.raw('demo-liming', 'session', { action: 'session.whoami', input: { extra: 'field' } });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/[\u4e00-\u9fa5]/) } });
  });
});
