import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { inspect } from 'node:util';
import vm from 'node:vm';
import type { PrivacyDeclaration } from './privacy';
import type { Data, RenderNode } from './renderTree';
import { applySetData, countNodes, findById, idOf, walk } from './renderTree';
import type { Templates } from './templates';
import type { CloudAnswerer, UserScript, WxRecord } from './wxFake';
import { createWx } from './wxFake';

/**
 * An emulated WeChat logic layer running the built mini-program (`dist/weapp`): one phone, one
 * person. Files run in a `vm` context the way WeChat's module system runs them (`require` relative
 * to the file, each file once, no `eval`/`new Function`, no DOM, no Node globals), with `App`,
 * `Page`, `Component`, `getApp`, `getCurrentPages` and the strict `wx` fake. Pages live on a stack
 * with WeChat's lifecycle and limits; each `setData` is applied to the page's data and recorded.
 * There is no view layer: the harness reads the `root` tree Taro sends, and delivers events to the
 * page's `eh` handler as the view layer would (taps bubble through every element binding `tap`).
 *
 * What page code throws in a lifecycle, an event handler, a timer or an API callback, what it logs
 * with console.error/warn, and the promises it leaves rejected are recorded as problems of the page
 * (WeChat logs them and carries on; the journeys assert there are none).
 */

export interface Problem {
  readonly kind: 'thrown' | 'console.error' | 'console.warn' | 'unhandledRejection';
  readonly where: string;
  readonly route: string | undefined;
  readonly message: string;
}

export interface RenderRecord {
  readonly route: string;
  readonly pageId: number;
  /** performance.now() when the page called setData. */
  readonly at: number;
  /** JSON of the data argument, in bytes. */
  readonly bytes: number;
  readonly paths: number;
  /** Elements in the page's root tree after this setData. */
  readonly elements: number;
  readonly textNodes: number;
  readonly depth: number;
}

export interface LaunchOptions {
  /** A page path with or without its query: `pages/confirm/index?t=abc`. */
  readonly path: string;
  readonly query?: Readonly<Record<string, string>>;
  /** WeChat's scene value: 1001 (discover), 1007 (share card), 1014 (subscription message), 1047 (mini-program code). */
  readonly scene?: number;
}

type Instance = Record<string, unknown> & { data: Data; setData: (data: Data, callback?: () => void) => void };

export interface PageEntry {
  readonly id: number;
  readonly route: string;
  readonly query: Readonly<Record<string, string>>;
  readonly instance: Instance;
  readonly config: Readonly<Record<string, unknown>>;
  alive: boolean;
}

interface PageTable {
  readonly pages: ReadonlySet<string>;
  readonly subpackageOf: ReadonlyMap<string, string>;
}

const MAX_STACK = 10;
const live = new Set<MiniProgram>();
const FRAME_MS = 17;

export interface MiniProgramOptions {
  readonly root: string;
  readonly templates: Templates;
  readonly privacy: PrivacyDeclaration;
  readonly cloud: CloudAnswerer;
  readonly user: UserScript;
}

export class MiniProgram {
  readonly problems: Problem[] = [];
  readonly renders: RenderRecord[] = [];
  readonly logs: string[] = [];
  readonly record: WxRecord = { calls: [], refusals: [], toasts: [], modals: [], subscriptions: [], clipboard: [], storageWrites: [], cloudCalls: [], inFlight: 0, lastAnswerAt: 0 };
  readonly storage = new Map<string, string>();
  readonly stack: PageEntry[] = [];
  readonly table: PageTable;
  readonly templates: Templates;
  private readonly root: string;
  private readonly context: vm.Context;
  private readonly realmJson: JSON;
  private readonly realmPromise: PromiseConstructor;
  private readonly modules = new Map<string, { exports: unknown }>();
  private readonly pageConfigs = new Map<string, Record<string, unknown>>();
  private readonly componentConfigs = new Map<string, Record<string, unknown>>();
  /** Pending timers of the page code and the emulator, with when each is next due (performance clock). */
  private readonly timers = new Map<NodeJS.Timeout, number>();
  private readonly emit: ReturnType<typeof createWx>['emit'];
  /** The `wx` object the page code sees. */
  readonly wx: Record<string, unknown>;
  private loading: { kind: 'page' | 'component'; key: string } | null = null;
  private app: Record<string, unknown> | null = null;
  private gestureDepth = 0;
  private nextPageId = 1;
  private readonly routeQueue: Array<{ where: string; run: () => void }> = [];
  private routing = false;
  private readonly firstRenderWaiters = new Map<number, () => void>();
  private closed = false;

  constructor(private readonly options: MiniProgramOptions) {
    this.root = path.resolve(options.root);
    this.templates = options.templates;
    this.table = readPageTable(this.root);
    const sandbox: Record<string, unknown> = {};
    this.context = vm.createContext(sandbox, { name: 'weapp logic layer', codeGeneration: { strings: false, wasm: false } });
    this.realmJson = vm.runInContext('JSON', this.context) as JSON;
    this.realmPromise = vm.runInContext('Promise', this.context) as PromiseConstructor;
    const { wx, emit } = createWx(
      {
        privacy: options.privacy,
        cloud: options.cloud,
        user: options.user,
        inGesture: () => this.gestureDepth > 0,
        toRealm: (value) => this.toRealm(value),
        realmPromise: (executor) => new this.realmPromise(executor),
        navigate: (kind, navigation) => this.navigate(kind, navigation),
        guard: (where, run) => this.guard(where, run),
      },
      this.record,
      this.storage,
    );
    this.emit = emit;
    this.wx = wx;
    live.add(this);
    watchRejections();
    Object.assign(sandbox, {
      wx,
      App: (config: Record<string, unknown>) => this.registerApp(config),
      Page: (config: Record<string, unknown>) => this.registerPage(config),
      Component: (config: Record<string, unknown>) => this.registerComponent(config),
      Behavior: (config: unknown) => config,
      getApp: () => this.app,
      getCurrentPages: () => this.toRealmArray(this.stack.filter((entry) => entry.alive).map((entry) => entry.instance)),
      requirePlugin: (name: string) => {
        throw new Error(`requirePlugin("${name}"): the app declares no plugins`);
      },
      console: this.console(),
      setTimeout: (callback: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => this.timer('setTimeout', callback, ms, args, false),
      setInterval: (callback: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => this.timer('setInterval', callback, ms, args, true),
      clearTimeout: (timer: NodeJS.Timeout | undefined) => this.clearTimer(timer),
      clearInterval: (timer: NodeJS.Timeout | undefined) => this.clearTimer(timer),
    });
  }

  // ---------------------------------------------------------------- launching and navigation

  /** Cold start from a path (a share card, a message, a code scan, the app list). */
  async launch(options: LaunchOptions): Promise<PageEntry> {
    if (this.app !== null) throw new Error('the mini-program is already running');
    const { route, query } = this.resolveUrl(options.path, undefined);
    const fullQuery = { ...query, ...(options.query ?? {}) };
    this.loadFile(path.join(this.root, 'app.js'));
    if (this.app === null) throw new Error('app.js did not call App()');
    const launchOptions = { path: route, query: fullQuery, scene: options.scene ?? 1001, referrerInfo: {}, forwardMaterials: [], chatType: 0 };
    this.lifecycle(this.app, 'onLaunch', launchOptions, 'App.onLaunch');
    this.lifecycle(this.app, 'onShow', launchOptions, 'App.onShow');
    this.emit.appShow(launchOptions);
    return this.openPage(route, fullQuery);
  }

  get current(): PageEntry {
    const top = this.stack[this.stack.length - 1];
    if (!top) throw new Error('no page is open');
    return top;
  }

  private navigate(kind: 'navigateTo' | 'redirectTo' | 'reLaunch' | 'navigateBack' | 'switchTab', options: { url?: string; delta?: number }): void {
    if (kind === 'switchTab') throw new Error('can not switch to no-tabBar page');
    if (kind === 'navigateBack') {
      const delta = Math.max(1, Math.floor(options.delta ?? 1));
      if (this.stack.length <= 1) throw new Error('cannot navigate back at first page.');
      this.switchPages('navigateBack', () => {
        for (let index = 0; index < delta && this.stack.length > 1; index += 1) this.unloadTop();
        const revealed = this.current;
        this.lifecycle(revealed.instance, 'onShow', undefined, `${revealed.route} onShow`);
      });
      return;
    }
    if (typeof options.url !== 'string' || options.url === '') throw new Error('parameter error: parameter.url should be String');
    const { route, query } = this.resolveUrl(options.url, this.stack[this.stack.length - 1]?.route);
    if (kind === 'navigateTo' && this.stack.length >= MAX_STACK) throw new Error('webview count limit exceed');
    this.switchPages(kind, () => {
      if (kind === 'navigateTo') {
        const top = this.stack[this.stack.length - 1];
        if (top) this.lifecycle(top.instance, 'onHide', undefined, `${top.route} onHide`);
      } else if (kind === 'redirectTo') {
        this.unloadTop();
      } else {
        while (this.stack.length > 0) this.unloadTop();
      }
      this.openPage(route, query);
    });
  }

  /**
   * WeChat switches pages one at a time: a route asked for while another is under way waits until
   * the page being opened has rendered (the view layer built it), plus a frame.
   */
  private switchPages(where: string, run: () => void): void {
    this.routeQueue.push({ where, run });
    this.nextRoute();
  }

  private nextRoute(): void {
    if (this.routing || this.closed) return;
    const route = this.routeQueue.shift();
    if (!route) return;
    this.routing = true;
    const before = this.nextPageId;
    this.timer(route.where, () => {
      try {
        route.run();
      } finally {
        const opened = this.nextPageId !== before ? this.stack[this.stack.length - 1] : undefined;
        const done = () => {
          this.routing = false;
          this.nextRoute();
        };
        if (!opened) this.timer(`${route.where} done`, done, FRAME_MS, [], false);
        else this.afterFirstRender(opened, () => this.timer(`${route.where} done`, done, FRAME_MS, [], false));
      }
    }, 0, [], false);
  }

  /** Runs `then` once the page has rendered for the first time (or after a second at most). */
  private afterFirstRender(entry: PageEntry, then: () => void): void {
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      then();
    };
    if (this.renders.some((render) => render.pageId === entry.id)) return finish();
    this.firstRenderWaiters.set(entry.id, finish);
    this.timer('first render', finish, 1000, [], false);
  }

  private resolveUrl(url: string, from: string | undefined): { route: string; query: Record<string, string> } {
    const [pathPart = '', queryPart] = url.split('?', 2);
    let route: string;
    if (pathPart.startsWith('/')) route = pathPart.slice(1);
    else if (from === undefined) route = pathPart;
    else route = path.posix.normalize(path.posix.join(path.posix.dirname(from), pathPart));
    route = route.replace(/\.html$/, '');
    if (!this.table.pages.has(route)) throw new Error(`page "${route}" is not found`);
    const query: Record<string, string> = {};
    for (const pair of (queryPart ?? '').split('&')) {
      if (pair === '') continue;
      const at = pair.indexOf('=');
      // WeChat hands query values to onLoad as they are written in the URL (still encoded).
      if (at < 0) query[pair] = '';
      else query[pair.slice(0, at)] = pair.slice(at + 1);
    }
    return { route, query };
  }

  private openPage(route: string, query: Record<string, string>): PageEntry {
    const config = this.loadPage(route);
    const instance = vm.runInContext('({})', this.context) as Instance;
    for (const [key, value] of Object.entries(config)) instance[key] = key === 'data' ? this.toRealm(value ?? {}) : value;
    if (!instance.data) instance.data = this.toRealm({});
    const entry: PageEntry = { id: this.nextPageId++, route, query, instance, config, alive: true };
    Object.assign(instance, {
      route,
      __route__: route,
      options: this.toRealm(query),
      __wxWebviewId__: entry.id,
      __wxExparserNodeId__: `page-${entry.id}`,
      setData: (data: Data, callback?: () => void) => this.setData(entry, data, callback),
      selectComponent: () => null,
      selectAllComponents: () => this.toRealmArray([]),
      getOpenerEventChannel: () => ({ emit() {}, on() {}, once() {}, off() {} }),
      getPageId: () => `page-${entry.id}`,
    });
    this.stack.push(entry);
    this.lifecycle(instance, 'onLoad', this.toRealm(query), `${route} onLoad`);
    this.lifecycle(instance, 'onShow', undefined, `${route} onShow`);
    this.later(`${route} onReady`, () => {
      if (entry.alive) this.lifecycle(instance, 'onReady', undefined, `${route} onReady`);
    });
    return entry;
  }

  private unloadTop(): void {
    const entry = this.stack.pop();
    if (!entry) return;
    this.lifecycle(entry.instance, 'onUnload', undefined, `${entry.route} onUnload`);
    entry.alive = false;
  }

  // ---------------------------------------------------------------- rendering

  private setData(entry: PageEntry, data: Data, callback?: () => void): void {
    if (data === null || typeof data !== 'object') {
      this.problems.push({ kind: 'console.error', where: `${entry.route} setData`, route: entry.route, message: 'setData: the data argument must be an object' });
      return;
    }
    const json = JSON.stringify(data);
    applySetData(entry.instance.data, JSON.parse(json) as Data);
    const counts = countNodes(entry.instance.data, this.templates);
    this.renders.push({ route: entry.route, pageId: entry.id, at: performance.now(), bytes: Buffer.byteLength(json), paths: Object.keys(data).length, ...counts });
    if (typeof callback === 'function') this.later(`${entry.route} setData callback`, () => callback.call(entry.instance));
    const waiter = this.firstRenderWaiters.get(entry.id);
    if (waiter) {
      this.firstRenderWaiters.delete(entry.id);
      waiter();
    }
  }

  // ---------------------------------------------------------------- events

  /** A tap on an element, bubbling as WeChat's view layer delivers it, inside a user-gesture window. */
  tap(entry: PageEntry, id: string): void {
    const found = findById(entry.instance.data, id);
    if (!found) throw new Error(`no element #${id} on ${entry.route}`);
    const chain = [...found.ancestors, found.node].reverse();
    this.duringGesture(() => {
      for (const current of chain) {
        const template = this.templates.of(current.nn);
        if (!template) continue;
        const catches = template.catches.has('tap');
        if (!template.binds.has('tap') && !catches) continue;
        this.deliver(entry, 'tap', found.node, current, { x: 180, y: 320 });
        if (catches) break;
      }
    });
  }

  /** Runs `run` inside a user-gesture window: the synchronous delivery of a tap. */
  duringGesture<T>(run: () => T): T {
    this.gestureDepth += 1;
    try {
      return run();
    } finally {
      this.gestureDepth -= 1;
    }
  }

  /** Evaluates code in the logic layer (for checking what the environment offers). */
  evaluate(code: string): unknown {
    return vm.runInContext(code, this.context);
  }

  /** Text typed into an input or textarea (the element, or the first one inside it), as one input event. */
  input(entry: PageEntry, id: string, value: string): void {
    const target = this.fieldOf(entry, id, 'input');
    this.deliver(entry, 'input', target, target, { value, cursor: [...value].length, keyCode: 0 });
  }

  /** The confirm key of the keyboard in an input. */
  confirm(entry: PageEntry, id: string, value: string): void {
    const target = this.fieldOf(entry, id, 'confirm');
    this.deliver(entry, 'confirm', target, target, { value });
  }

  /** A picker's choice (`detail.value`: an index for `selector`, `YYYY-MM-DD` for `date`). */
  change(entry: PageEntry, id: string, value: unknown): void {
    const target = this.fieldOf(entry, id, 'change');
    this.deliver(entry, 'change', target, target, { value });
  }

  /**
   * A `<button open-type="share">` tapped (the element, or the first such button inside it): the tap,
   * then the page's onShareAppMessage, as WeChat calls it; answers the card.
   */
  async shareFrom(entry: PageEntry, id: string): Promise<{ title?: string; path?: string; imageUrl?: string }> {
    const found = findById(entry.instance.data, id);
    if (!found) throw new Error(`no element #${id} on ${entry.route}`);
    const isShareButton = (node: RenderNode) => {
      const template = this.templates.of(node.nn);
      const key = template?.tag === 'button' ? Object.entries(template.attributes).find(([, name]) => name === 'open-type')?.[0] : undefined;
      return key !== undefined && node[key] === 'share';
    };
    let button: RenderNode | undefined;
    walk([found.node], (node) => {
      if (isShareButton(node)) button = node;
      return button !== undefined;
    });
    if (!button) throw new Error(`no share button at #${id} on ${entry.route}`);
    const buttonId = idOf(button);
    this.tap(entry, buttonId);
    const handler = entry.instance['onShareAppMessage'];
    if (typeof handler !== 'function') throw new Error(`${entry.route} has no onShareAppMessage`);
    let card: Record<string, unknown> = {};
    this.guard(`${entry.route} onShareAppMessage`, () => {
      card = (handler as (options: unknown) => Record<string, unknown>).call(entry.instance, this.toRealm({ from: 'button', target: { id: buttonId, dataset: { sid: button!.sid }, offsetLeft: 0, offsetTop: 0 } })) ?? {};
    });
    if (card['promise'] && typeof (card['promise'] as Promise<unknown>).then === 'function') card = { ...card, ...((await card['promise']) as Record<string, unknown>) };
    return JSON.parse(JSON.stringify(card)) as { title?: string; path?: string; imageUrl?: string };
  }

  /** The navigation bar's back button (or the phone's back gesture). */
  pressBack(): void {
    if (this.stack.length <= 1) throw new Error('the first page has no back button');
    this.unloadTop();
    const revealed = this.current;
    this.lifecycle(revealed.instance, 'onShow', undefined, `${revealed.route} onShow`);
  }

  pullDownRefresh(entry: PageEntry): void {
    this.lifecycle(entry.instance, 'onPullDownRefresh', undefined, `${entry.route} onPullDownRefresh`);
  }

  private fieldOf(entry: PageEntry, id: string, event: string): RenderNode {
    const found = findById(entry.instance.data, id);
    if (!found) throw new Error(`no element #${id} on ${entry.route}`);
    const binds = (node: RenderNode) => this.templates.of(node.nn)?.binds.has(event) ?? false;
    if (binds(found.node)) return found.node;
    let inner: RenderNode | undefined;
    const search = (nodes: readonly RenderNode[]): void => {
      for (const node of nodes) {
        if (inner) return;
        if (binds(node)) inner = node;
        else if (node.cn) search(node.cn);
      }
    };
    search(found.node.cn ?? []);
    if (!inner) throw new Error(`#${id} on ${entry.route} has no element taking "${event}" events`);
    return inner;
  }

  private deliver(entry: PageEntry, type: string, target: RenderNode, current: RenderNode, detail: Record<string, unknown>): void {
    const handler = entry.instance['eh'];
    if (typeof handler !== 'function') throw new Error(`${entry.route} has no event handler (eh)`);
    const element = (node: RenderNode) => ({ id: idOf(node), dataset: { sid: node.sid }, offsetLeft: 0, offsetTop: 0 });
    const event = this.toRealm({ type, timeStamp: Math.round(performance.now()), target: element(target), currentTarget: element(current), detail, touches: [], changedTouches: [], mark: {}, mut: false });
    this.guard(`${entry.route} ${type} on #${idOf(current)}`, () => (handler as (event: unknown) => void).call(entry.instance, event));
  }

  // ---------------------------------------------------------------- module system

  private loadFile(file: string): unknown {
    const resolved = path.resolve(file.endsWith('.js') ? file : `${file}.js`);
    if (!resolved.startsWith(this.root + path.sep)) throw new Error(`require: ${resolved} is outside the mini-program`);
    const cached = this.modules.get(resolved);
    if (cached) return cached.exports;
    if (!existsSync(resolved)) throw new Error(`module "${path.relative(this.root, resolved)}" is not defined`);
    const source = readFileSync(resolved, 'utf8');
    const wrapper = vm.runInContext(`(function (require, module, exports) {${source}\n})`, this.context, { filename: resolved }) as (require: (request: string) => unknown, module: { exports: unknown }, exports: unknown) => void;
    const module = vm.runInContext('({ exports: {} })', this.context) as { exports: unknown };
    this.modules.set(resolved, module);
    const dir = path.dirname(resolved);
    wrapper.call(undefined, (request: string) => this.loadFile(path.resolve(dir, request)), module, module.exports);
    return module.exports;
  }

  private loadPage(route: string): Record<string, unknown> {
    const known = this.pageConfigs.get(route);
    if (known) return known;
    const file = path.join(this.root, `${route}.js`);
    const json = path.join(this.root, `${route}.json`);
    const pageJson = existsSync(json) ? (JSON.parse(readFileSync(json, 'utf8')) as { usingComponents?: Record<string, string> }) : {};
    for (const [name, relative] of Object.entries(pageJson.usingComponents ?? {})) this.loadComponent(name, path.resolve(path.dirname(file), relative));
    this.loading = { kind: 'page', key: route };
    try {
      this.loadFile(file);
    } finally {
      this.loading = null;
    }
    const config = this.pageConfigs.get(route);
    if (!config) throw new Error(`${route}.js did not call Page()`);
    return config;
  }

  private loadComponent(name: string, file: string): void {
    const key = path.relative(this.root, file);
    if (this.componentConfigs.has(key)) return;
    const previous = this.loading;
    this.loading = { kind: 'component', key };
    try {
      this.loadFile(file);
    } finally {
      this.loading = previous;
    }
    if (!this.componentConfigs.has(key)) throw new Error(`component "${name}" (${key}.js) did not call Component()`);
  }

  private registerApp(config: Record<string, unknown>): void {
    if (this.app !== null) throw new Error('App() called twice');
    this.app = config;
  }

  private registerPage(config: Record<string, unknown>): void {
    if (this.loading?.kind !== 'page') throw new Error('Page() called outside a page file');
    this.pageConfigs.set(this.loading.key, config);
  }

  private registerComponent(config: Record<string, unknown>): void {
    if (this.loading?.kind !== 'component') throw new Error('Component() called outside a component file');
    this.componentConfigs.set(this.loading.key, config);
  }

  // ---------------------------------------------------------------- the realm

  toRealm<T>(value: T): T {
    return value === undefined ? value : (this.realmJson.parse(JSON.stringify(value)) as T);
  }

  private toRealmArray<T>(values: T[]): T[] {
    const array = vm.runInContext('[]', this.context) as T[];
    array.push(...values);
    return array;
  }

  /** Whether a promise was made by this phone's page code (its realm's Promise). */
  ownsPromise(promise: Promise<unknown>): boolean {
    return promise !== null && typeof promise === 'object' && Object.getPrototypeOf(promise) === this.realmPromise.prototype;
  }

  noteRejection(reason: unknown): void {
    this.problems.push({ kind: 'unhandledRejection', where: 'a promise left rejected', route: this.stack[this.stack.length - 1]?.route, message: describe(reason) });
  }

  private lifecycle(target: Record<string, unknown>, name: string, argument: unknown, where: string): void {
    const method = target[name];
    if (typeof method !== 'function') return;
    this.guard(where, () => (argument === undefined ? (method as () => void).call(target) : (method as (value: unknown) => void).call(target, argument)));
  }

  guard(where: string, run: () => void): void {
    try {
      run();
    } catch (error) {
      this.problems.push({ kind: 'thrown', where, route: this.stack[this.stack.length - 1]?.route, message: describe(error) });
    }
  }

  private later(where: string, run: () => void): void {
    this.timer(where, run, 0, [], false);
  }

  private timer(where: string, callback: (...args: unknown[]) => void, ms: number | undefined, args: unknown[], repeat: boolean): NodeJS.Timeout {
    if (this.closed) return setTimeout(() => undefined, 0);
    const delay = Math.max(0, ms ?? 0);
    const fire = () => {
      if (repeat) this.timers.set(timer, performance.now() + delay);
      else this.timers.delete(timer);
      if (this.closed) return;
      this.guard(where, () => callback(...args));
    };
    const timer = repeat ? setInterval(fire, delay) : setTimeout(fire, delay);
    this.timers.set(timer, performance.now() + delay);
    return timer;
  }

  private clearTimer(timer: NodeJS.Timeout | undefined): void {
    if (!timer) return;
    clearTimeout(timer);
    this.timers.delete(timer);
  }

  /** Whether any timer is due within `horizonMs` (work the page or the emulator has scheduled). */
  hasWorkDueWithin(horizonMs: number): boolean {
    const limit = performance.now() + horizonMs;
    for (const due of this.timers.values()) if (due <= limit) return true;
    return false;
  }

  private console() {
    const format = (args: unknown[]) => args.map((arg) => (typeof arg === 'string' ? arg : inspect(arg, { depth: 3, breakLength: 160 }))).join(' ');
    const problem = (kind: 'console.error' | 'console.warn') => (...args: unknown[]) =>
      this.problems.push({ kind, where: 'console', route: this.stack[this.stack.length - 1]?.route, message: format(args) });
    const log = (...args: unknown[]) => void this.logs.push(format(args));
    return { log, info: log, debug: log, warn: problem('console.warn'), error: problem('console.error'), group: log, groupEnd: () => undefined, time: () => undefined, timeEnd: () => undefined };
  }

  /** The app goes to the background and the phone is put away: every timer stops. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const timer of this.timers.keys()) clearTimeout(timer);
    this.timers.clear();
    live.delete(this);
    if (live.size === 0) unwatchRejections();

  }
}

function readPageTable(root: string): PageTable {
  const app = JSON.parse(readFileSync(path.join(root, 'app.json'), 'utf8')) as { pages: string[]; subPackages?: Array<{ root: string; pages: string[] }>; subpackages?: Array<{ root: string; pages: string[] }> };
  const pages = new Set(app.pages);
  const subpackageOf = new Map<string, string>();
  for (const sub of app.subPackages ?? app.subpackages ?? []) {
    for (const page of sub.pages) {
      const route = `${sub.root.replace(/\/$/, '')}/${page}`;
      pages.add(route);
      subpackageOf.set(route, sub.root);
    }
  }
  return { pages, subpackageOf };
}

type RejectionListener = (reason: unknown, promise: Promise<unknown>) => void;
let rejectionListener: RejectionListener | null = null;
let earlierListeners: RejectionListener[] = [];

/** The Node process itself: jest hands test code a copy of `process` whose listeners never fire. */
function realProcess(): NodeJS.Process {
  const load = (require('node:module') as { _load?: (request: string) => unknown })._load;
  const real = load?.('process') as NodeJS.Process | undefined;
  return real && typeof real.on === 'function' ? real : process;
}

/**
 * A rejection no page code handles goes to the phone that made the promise, as a problem of its page
 * (WeChat reports it and carries on); any other rejection goes on to the listeners that were there
 * (jest's, which fail the running test).
 */
function watchRejections(): void {
  if (rejectionListener) return;
  const node = realProcess();
  earlierListeners = node.listeners('unhandledRejection') as RejectionListener[];
  node.removeAllListeners('unhandledRejection');
  rejectionListener = (reason, promise) => {
    const owner = [...live].find((program) => program.ownsPromise(promise));
    if (owner) owner.noteRejection(reason);
    else for (const listener of earlierListeners) listener(reason, promise);
  };
  node.on('unhandledRejection', rejectionListener);
}

function unwatchRejections(): void {
  if (!rejectionListener) return;
  const node = realProcess();
  node.off('unhandledRejection', rejectionListener);
  rejectionListener = null;
  for (const listener of earlierListeners) node.on('unhandledRejection', listener);
  earlierListeners = [];
}

function describe(error: unknown): string {
  if (error && typeof error === 'object') {
    const { errMsg, message, stack } = error as { errMsg?: unknown; message?: unknown; stack?: unknown };
    if (typeof errMsg === 'string') return errMsg;
    if (typeof stack === 'string') return stack.split('\n').slice(0, 4).join('\n');
    if (typeof message === 'string') return message;
  }
  return inspect(error, { depth: 3 });
}
