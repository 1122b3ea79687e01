import { figuresOf } from './support/limits';
import type { RenderRecord } from './support/miniProgram';
import { MiniProgram } from './support/miniProgram';
import { weappRoot } from './support/phone';
import { readPrivacyDeclaration } from './support/privacy';
import { applySetData, countNodes, findByText, pathSegments } from './support/renderTree';
import { readTemplates } from './support/templates';
import type { UserScript } from './support/wxFake';

/**
 * The emulated logic layer itself: it runs the build as WeChat's module system does, and its `wx`
 * refuses what WeChat refuses. No local cloud here: every function call answers a failure.
 */
const templates = readTemplates(weappRoot);
const privacy = readPrivacyDeclaration(weappRoot);
const programs: MiniProgram[] = [];

function program(user: Partial<UserScript> = {}, declaration = privacy): MiniProgram {
  const created = new MiniProgram({
    root: weappRoot,
    templates,
    privacy: declaration,
    user: { position: { latitude: 22.72, longitude: 114.24, accuracy: 10 }, allowsLocation: true, subscribes: 'accept', modalAnswers: [], photo: null, file: null, mapPoint: null, ...user },
    cloud: { callFunction: async () => ({ ok: false, error: { code: 'INTERNAL', message: '离线' } }), uploadFile: async () => ({ fileID: 'cloud://local/x' }), subscribed: async () => undefined },
  });
  programs.push(created);
  return created;
}
afterAll(() => programs.forEach((created) => created.close()));

type Api = (options?: Record<string, unknown>) => Promise<Record<string, unknown>>;
const api = (created: MiniProgram, name: string): Api => created.wx[name] as Api;
const answer = (promise: Promise<unknown>) => promise.then((res) => ({ ok: res }), (error: unknown) => ({ failed: error }));
async function until(check: () => boolean): Promise<void> {
  for (let tries = 0; !check(); tries += 1) {
    if (tries > 1000) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('the logic layer', () => {
  it('runs app.js and its chunks through WeChat’s require, and a page renders with setData into its root tree', async () => {
    const created = program();
    const page = await created.launch({ path: 'pages/home/index' });
    await until(() => created.renders.length > 0);
    expect(page.route).toBe('pages/home/index');
    expect(countNodes(page.instance.data, templates).elements).toBeGreaterThan(0);
    expect(created.renders[0]).toMatchObject({ route: 'pages/home/index', pageId: page.id });
  });

  it('offers no eval, new Function, DOM, Node globals or timers WeChat lacks', () => {
    const created = program();
    expect(() => created.evaluate('eval("1")')).toThrow(/Code generation from strings disallowed/);
    expect(() => created.evaluate('new Function("return 1")')).toThrow(/Code generation from strings disallowed/);
    expect(created.evaluate('[typeof window, typeof document, typeof process, typeof Buffer, typeof require, typeof setImmediate, typeof MessageChannel, typeof requestAnimationFrame]')).toEqual(Array(8).fill('undefined'));
    expect(created.evaluate('[typeof wx, typeof App, typeof Page, typeof Component, typeof getApp, typeof getCurrentPages, typeof setTimeout]')).toEqual(Array(7).fill('function').map((type, index) => (index === 0 ? 'object' : type)));
  });
});

describe('the wx fake is strict where WeChat is', () => {
  it('refuses gesture-only APIs outside a tap and runs them inside one', async () => {
    const created = program();
    expect(await answer(api(created, 'requestSubscribeMessage')({ tmplIds: ['t1'] }))).toEqual({ failed: { errMsg: 'requestSubscribeMessage:fail can only be invoked by user TAP gesture.' } });
    expect(await answer(api(created, 'openSetting')())).toEqual({ failed: { errMsg: 'openSetting:fail can only be invoked by user TAP gesture.' } });
    expect(await answer(created.duringGesture(() => api(created, 'requestSubscribeMessage')({ tmplIds: ['t1'] })))).toEqual({ ok: { t1: 'accept', errMsg: 'requestSubscribeMessage:ok' } });
    expect(await answer(created.duringGesture(() => api(created, 'requestSubscribeMessage')({ tmplIds: ['a', 'b', 'c', 'd'] })))).toEqual({ failed: { errMsg: 'requestSubscribeMessage:fail TmplIds count is more than 3' } });
  });

  it('refuses privacy-scoped APIs the declaration omits, even in a tap', async () => {
    // A declaration with the location scope only: the clipboard is refused as WeChat refuses it.
    const created = program({}, readPrivacyDeclaration(weappRoot, [{ apis: ['getLocation', 'chooseLocation'] }]));
    expect(await answer(api(created, 'getLocation')({ type: 'wgs84' }))).toMatchObject({ ok: { latitude: 22.72, longitude: 114.24, errMsg: 'getLocation:ok' } });
    expect(await answer(created.duringGesture(() => api(created, 'setClipboardData')({ data: 'x' })))).toEqual({ failed: { errMsg: 'setClipboardData:fail api scope is not declared in the privacy agreement', errno: 112 } });
    expect(created.record.refusals.map((refusal) => refusal.reason)).toEqual(['privacy']);
  });

  it('reads the product’s declaration (src/privacy.ts) for the guide, and requiredPrivateInfos from the built app.json', async () => {
    expect(privacy.requiredPrivateInfos).toEqual(['getLocation', 'chooseLocation']);
    expect(privacy.declaredScopes).toEqual(['location', 'album', 'clipboard', 'files']);
    // A location API outside requiredPrivateInfos is refused although the location scope is declared.
    expect(privacy.declares('getFuzzyLocation')).toBe(false);
    expect(privacy.declares('getClipboardData')).toBe(true);
    const created = program();
    expect(await answer(created.duringGesture(() => api(created, 'setClipboardData')({ data: 'x' })))).toMatchObject({ ok: { errMsg: 'setClipboardData:ok' } });
    expect(created.record.clipboard).toEqual(['x']);
  });

  it('follows the page table and the ten-page stack', async () => {
    const created = program();
    await created.launch({ path: 'pages/home/index' });
    expect(await answer(api(created, 'navigateTo')({ url: '/pages/nowhere/index' }))).toEqual({ failed: { errMsg: 'navigateTo:fail page "pages/nowhere/index" is not found' } });
    for (let index = 0; index < 9; index += 1) await api(created, 'navigateTo')({ url: `/pages-more/feedback/index?n=${index}` });
    await until(() => created.stack.length === 10);
    expect(await answer(api(created, 'navigateTo')({ url: '/pages-more/feedback/index' }))).toEqual({ failed: { errMsg: 'navigateTo:fail webview count limit exceed' } });
    await api(created, 'reLaunch')({ url: '/pages/home/index' });
    await until(() => created.stack.length === 1);
    expect(created.current.route).toBe('pages/home/index');
    expect(await answer(api(created, 'navigateBack')())).toEqual({ failed: { errMsg: 'navigateBack:fail cannot navigate back at first page.' } });
  });

  it('keeps storage in memory with WeChat’s 1 MB per key', () => {
    const created = program();
    const { getStorageSync, setStorageSync } = created.wx as Record<string, (...args: unknown[]) => unknown>;
    expect(getStorageSync!('missing')).toBe('');
    setStorageSync!('draft', { content: '到访' });
    expect(getStorageSync!('draft')).toEqual({ content: '到访' });
    expect(() => setStorageSync!('big', 'x'.repeat(1024 * 1024 + 1))).toThrow();
    expect(created.record.refusals).toEqual([{ api: 'setStorageSync', errMsg: 'setStorageSync:fail entry size limit reached', reason: 'limit' }]);
  });

  it('answers wx.cloud only after wx.cloud.init, and showModal only with buttons of 4 Chinese characters at most', async () => {
    const created = program();
    const cloud = created.wx['cloud'] as { init: (options: unknown) => void; callFunction: Api };
    expect(await answer(cloud.callFunction({ name: 'session', data: {} }))).toEqual({ failed: { errMsg: "cloud.callFunction:fail Cloud API isn't enabled, please call wx.cloud.init first" } });
    cloud.init({});
    expect(await answer(cloud.callFunction({ name: 'session', data: {} }))).toMatchObject({ ok: { result: { ok: false }, errMsg: 'cloud.callFunction:ok' } });
    expect(await answer(api(created, 'showModal')({ title: '停用邀请码', confirmText: '确认停用此码' }))).toEqual({ failed: { errMsg: 'showModal:fail confirmText length should not larger than 4 Chinese characters' } });
    expect(await answer(api(created, 'showModal')({ title: '停用邀请码', confirmText: '停用' }))).toEqual({ ok: { confirm: true, cancel: false, errMsg: 'showModal:ok' } });
  });
});

describe('the render tree and the figures', () => {
  it('applies setData paths as WeChat does and counts elements, not text', () => {
    expect(pathSegments('root.cn.[0].cn[2].v')).toEqual(['root', 'cn', 0, 'cn', 2, 'v']);
    const data: Record<string, unknown> = { root: { cn: [] } };
    const textNn = [...templates.textNames][0]!;
    applySetData(data, { 'root.cn.[0]': { nn: '3', sid: '_n_1', cn: [{ nn: textNn, sid: '_n_2', v: '您好' }] } });
    applySetData(data, { 'root.cn.[0].cn.[1]': { nn: '3', sid: '_n_3', uid: 'greeting', cn: [{ nn: textNn, sid: '_n_4', v: '李明' }] } });
    expect(countNodes(data, templates)).toEqual({ elements: 2, textNodes: 2, depth: 3 });
    expect(findByText(data, '李明', templates)?.node.uid).toBe('greeting');
  });

  it('counts setData calls inside any one-second window', () => {
    const at = [0, 100, 900, 999, 1000, 2500];
    const renders: RenderRecord[] = at.map((time) => ({ route: 'pages/x/index', pageId: 1, at: time, bytes: 10, paths: 1, elements: 1, textNodes: 0, depth: 1 }));
    expect(figuresOf(renders)[0]).toMatchObject({ setDataCalls: 6, maxSetDataPerSecond: 4, largestSetDataBytes: 10 });
  });
});
