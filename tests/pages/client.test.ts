import { callAction } from '../../src/client/callAction';
import type * as CallActionModule from '../../src/client/callAction';
import { copyText } from '../../src/client/clipboard';
import { toActionResult } from '../../src/client/envelope';
import { bodyOf, jsonResponse, mockFetch, taro } from './helpers';

describe('toActionResult', () => {
  it('keeps a success envelope', () => {
    expect(toActionResult({ ok: true, data: { person: null } })).toEqual({ ok: true, data: { person: null } });
  });

  it('keeps an expected error with its field', () => {
    expect(toActionResult({ ok: false, error: { code: 'INVALID_INPUT', message: '名称太长', field: 'name' } })).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '名称太长', field: 'name' },
    });
  });

  it('fills in the message of a known code when it is missing', () => {
    expect(toActionResult({ ok: false, error: { code: 'FORBIDDEN' } })).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: '您没有权限进行此操作' },
    });
  });

  it.each([
    ['undefined', undefined],
    ['a string', 'oops'],
    ['ok without data', { ok: true }],
    ['an unknown code', { ok: false, error: { code: 'EXPLODED', message: 'stack trace' } }],
    ['an error that is not an object', { ok: false, error: 'nope' }],
  ])('turns %s into INTERNAL', (_name, raw) => {
    expect(toActionResult(raw)).toEqual({ ok: false, error: { code: 'INTERNAL', message: '系统繁忙，请稍后再试' } });
  });
});

describe('callAction over h5', () => {
  beforeEach(() => {
    process.env.TARO_ENV = 'h5';
  });

  it('posts the action and its input to /api/call with the session cookie', async () => {
    const fetch = mockFetch({ '/api/call': () => jsonResponse({ ok: true, data: { person: null } }) });
    const result = await callAction('session.whoami', {});
    expect(result).toEqual({ ok: true, data: { person: null } });
    expect(fetch).toHaveBeenCalledTimes(1);
    const [, init] = fetch.mock.calls[0]!;
    expect(init?.method).toBe('POST');
    expect(init?.credentials).toBe('same-origin');
    expect(init?.headers).toEqual({ 'content-type': 'application/json' });
    expect(bodyOf(init)).toEqual({ action: 'session.whoami', input: {} });
    expect(taro.cloud.callFunction).not.toHaveBeenCalled();
  });

  it('passes on the error of a 401 answer', async () => {
    mockFetch({
      '/api/call': () => jsonResponse({ ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录' } }, 401),
    });
    expect(await callAction('session.whoami', {})).toEqual({
      ok: false,
      error: { code: 'UNAUTHENTICATED', message: '请先登录' },
    });
  });

  it('reports a network failure in Chinese', async () => {
    mockFetch({});
    expect(await callAction('session.whoami', {})).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: '网络连接失败，请检查网络后重试' },
    });
  });

  it('turns an unreadable body into INTERNAL', async () => {
    mockFetch({
      '/api/call': () => ({ ok: false, status: 502, json: () => Promise.reject(new SyntaxError('bad')) }) as Response,
    });
    expect(await callAction('session.whoami', {})).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: '系统繁忙，请稍后再试' },
    });
  });
});

describe('callAction over weapp', () => {
  beforeEach(() => {
    process.env.TARO_ENV = 'weapp';
  });
  afterEach(() => {
    process.env.TARO_ENV = 'h5';
  });

  it('calls the cloud function named by the action and returns its result', async () => {
    taro.cloud.callFunction.mockResolvedValueOnce({ result: { ok: true, data: { person: null } }, errMsg: 'ok' });
    expect(await callAction('session.whoami', {})).toEqual({ ok: true, data: { person: null } });
    expect(taro.cloud.callFunction).toHaveBeenCalledWith({
      name: 'session',
      data: { action: 'session.whoami', input: {} },
    });
  });

  it('initialises wx.cloud once, without tracing the user', async () => {
    let isolated: typeof CallActionModule | undefined;
    let isolatedTaro: typeof taro | undefined;
    jest.isolateModules(() => {
      isolated = require('../../src/client/callAction');
      isolatedTaro = require('@tarojs/taro').default;
    });
    isolatedTaro!.cloud.callFunction.mockResolvedValue({ result: { ok: true, data: { person: null } } });
    await isolated!.callAction('session.whoami', {});
    await isolated!.callAction('session.whoami', {});
    expect(isolatedTaro!.cloud.init).toHaveBeenCalledTimes(1);
    expect(isolatedTaro!.cloud.init).toHaveBeenCalledWith({ traceUser: false });
  });

  it('turns a missing result into INTERNAL', async () => {
    taro.cloud.callFunction.mockResolvedValueOnce({ errMsg: 'cloud.callFunction:ok' });
    expect(await callAction('session.whoami', {})).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: '系统繁忙，请稍后再试' },
    });
  });

  it('turns a rejected call into INTERNAL', async () => {
    taro.cloud.callFunction.mockRejectedValueOnce(new Error('cloud.callFunction:fail -404011'));
    expect(await callAction('session.whoami', {})).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: '系统繁忙，请稍后再试' },
    });
  });
});

describe('copyText (every copy button)', () => {
  const api = taro as unknown as Record<'setClipboardData' | 'showToast', jest.Mock>;

  it('copies the text and leaves the confirmation to WeChat', async () => {
    api.setClipboardData.mockClear();
    api.showToast.mockClear();
    await expect(copyText('ABCD-1234', '邀请码')).resolves.toBe(true);
    expect(api.setClipboardData).toHaveBeenCalledWith({ data: 'ABCD-1234' });
    expect(api.showToast).not.toHaveBeenCalled();
  });

  it('tells the person in a toast when WeChat refuses the copy, and never rejects', async () => {
    api.showToast.mockClear();
    api.setClipboardData.mockImplementationOnce(() => Promise.reject({ errMsg: 'setClipboardData:fail api scope is not declared in the privacy agreement', errno: 112 }));
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    await expect(copyText('https://example.test/x.xlsx', '下载链接')).resolves.toBe(false);
    expect(api.showToast).toHaveBeenCalledWith({ title: '未能复制下载链接，请稍后重试', icon: 'none', duration: 2500 });
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/^\[gongjian\] setClipboardData failed: .*privacy agreement/));
    warn.mockRestore();
  });
});
