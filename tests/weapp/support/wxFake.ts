import { randomBytes, randomUUID } from 'node:crypto';
import { wgs84ToGcj02 } from '../../../src/domain/admin/coordinates';
import type { PrivacyDeclaration } from './privacy';

/**
 * The `wx` object of the emulated logic layer: strict where WeChat is strict. Gesture-only APIs fail
 * outside a tap, privacy-scoped APIs fail unless declared, navigation follows the page table and its
 * limits, storage has WeChat's size limits, and `wx.cloud.callFunction` is answered by the local
 * cloud as the signed-in person, asynchronously. Everything the page code asks for is recorded.
 */

/** APIs WeChat runs only inside a tap handler (a user gesture). */
export const gestureOnlyApis: ReadonlySet<string> = new Set([
  'requestSubscribeMessage',
  'chooseMedia',
  'chooseImage',
  'chooseVideo',
  'chooseMessageFile',
  'setClipboardData',
  'openSetting',
  'chooseLocation',
  'chooseAddress',
  'getUserProfile',
]);

export interface Position {
  readonly latitude: number;
  readonly longitude: number;
  readonly accuracy: number;
}

/** WeChat's folder for a mini-program's own files (`wx.env.USER_DATA_PATH`). */
const USER_DATA_PATH = 'wxfile://usr';

export interface CloudAnswerer {
  callFunction(name: string, data: unknown): Promise<unknown>;
  uploadFile(cloudPath: string, content: Buffer): Promise<{ fileID: string }>;
  /** What the person answered to a subscription ask: WeChat keeps it as their allowance to be sent that template. */
  subscribed(answers: Readonly<Record<string, 'accept' | 'reject'>>): Promise<void>;
}

/** What the rest of the emulator gives the `wx` fake. */
export interface WxHost {
  readonly privacy: PrivacyDeclaration;
  readonly cloud: CloudAnswerer;
  /** Inside the synchronous delivery of a tap. */
  inGesture(): boolean;
  /** A value handed into the page code's realm (JSON, as over WeChat's bridge). */
  toRealm<T>(value: T): T;
  realmPromise(executor: (resolve: (value: unknown) => void, reject: (reason: unknown) => void) => void): Promise<unknown>;
  navigate(kind: 'navigateTo' | 'redirectTo' | 'reLaunch' | 'navigateBack' | 'switchTab', options: { url?: string; delta?: number }): void;
  /** Run a callback of the page code, catching what it throws as the page's error. */
  guard(where: string, run: () => void): void;
  readonly user: UserScript;
}

/** What the person holding the phone does when WeChat asks them something. */
export interface UserScript {
  position: Position | 'unavailable';
  /** Answer to the location permission prompt (scope.userLocation). */
  allowsLocation: boolean;
  /** Answer to each requestSubscribeMessage template. */
  subscribes: 'accept' | 'reject';
  /** Answers to showModal, first in first out; 'confirm' when none is queued. */
  readonly modalAnswers: Array<'confirm' | 'cancel'>;
  /** Picked by chooseMedia/chooseImage; null cancels. */
  photo: { readonly name: string; readonly content: Buffer } | null;
  /** Picked by chooseMessageFile; null cancels. */
  file: { readonly name: string; readonly content: Buffer } | null;
  /** Picked by chooseLocation (GCJ-02, as WeChat's map answers); null cancels. */
  mapPoint: { readonly latitude: number; readonly longitude: number; readonly name: string; readonly address: string } | null;
}

export interface ApiCall {
  readonly api: string;
  readonly at: number;
  readonly options: unknown;
  readonly gesture: boolean;
  /** errMsg of the answer, once answered. */
  outcome?: string;
}

export interface Refusal {
  readonly api: string;
  readonly errMsg: string;
  readonly reason: 'gesture' | 'privacy' | 'limit' | 'invalid' | 'user';
}

export interface WxRecord {
  readonly calls: ApiCall[];
  readonly refusals: Refusal[];
  readonly toasts: Array<{ title: string; icon: string }>;
  readonly modals: Array<{ title: string; content: string; answer: 'confirm' | 'cancel' }>;
  readonly subscriptions: Array<{ tmplIds: readonly string[]; answer: Record<string, string> }>;
  readonly clipboard: string[];
  /** Synchronous storage writes, with their time (ms, performance clock). */
  readonly storageWrites: Array<{ key: string; bytes: number; at: number }>;
  readonly cloudCalls: Array<{ name: string; action?: string; at: number; bytesIn: number; bytesOut?: number }>;
  /** Asynchronous calls not yet answered to the page code. */
  inFlight: number;
  /** When the last asynchronous answer reached the page code (performance clock). */
  lastAnswerAt: number;
}

class ApiFailure extends Error {
  constructor(
    readonly errMsg: string,
    readonly reason: Refusal['reason'],
    readonly errno?: number,
  ) {
    super(errMsg);
  }
}

const STORAGE_LIMIT = 10 * 1024 * 1024;
const STORAGE_ENTRY_LIMIT = 1024 * 1024;

type Options = Record<string, unknown> & { success?: (res: unknown) => void; fail?: (res: unknown) => void; complete?: (res: unknown) => void };

export function createWx(host: WxHost, record: WxRecord, storage: Map<string, string>) {
  const now = () => performance.now();
  const listeners = {
    appShow: new Set<(options: unknown) => void>(),
    appHide: new Set<(options: unknown) => void>(),
    networkStatusChange: new Set<(status: unknown) => void>(),
    error: new Set<(message: unknown) => void>(),
    unhandledRejection: new Set<(event: unknown) => void>(),
  };
  const tempFiles = new Map<string, Buffer>();
  const authorized = new Set<string>();
  let cloudReady = false;

  const tempPath = (name: string) => `wxfile://tmp_${randomBytes(8).toString('hex')}${name.slice(name.lastIndexOf('.'))}`;

  /** Checks a call as WeChat does before doing anything: gesture, then privacy. */
  function admit(api: string): void {
    if (gestureOnlyApis.has(api) && !host.inGesture()) throw new ApiFailure(`${api}:fail can only be invoked by user TAP gesture.`, 'gesture');
    if (!host.privacy.declares(api)) throw new ApiFailure(`${api}:fail api scope is not declared in the privacy agreement`, 'privacy', 112);
  }

  /**
   * An asynchronous WeChat API: checked at once, answered later (WeChat answers through its bridge),
   * through success/fail/complete, or a promise when none is given.
   */
  function asyncApi(api: string, run: (options: Options) => Record<string, unknown> | Promise<Record<string, unknown>>) {
    return (options: Options = {}) => {
      const call: ApiCall = { api, at: now(), options: safeOptions(options), gesture: host.inGesture() };
      record.calls.push(call);
      const usesCallbacks = typeof options.success === 'function' || typeof options.fail === 'function' || typeof options.complete === 'function';
      let outcome: Promise<Record<string, unknown>>;
      try {
        admit(api);
        outcome = Promise.resolve(run(options));
      } catch (error) {
        outcome = Promise.reject(error);
      }
      const settled = outcome.then(
        (result) => ({ ok: true as const, res: { ...result, errMsg: `${api}:ok` } }),
        (error: unknown) => {
          const failure = error instanceof ApiFailure ? error : new ApiFailure(`${api}:fail ${(error as Error)?.message ?? String(error)}`, 'invalid');
          if (failure.reason !== 'user') record.refusals.push({ api, errMsg: failure.errMsg, reason: failure.reason });
          return { ok: false as const, res: { errMsg: failure.errMsg, ...(failure.errno !== undefined ? { errno: failure.errno } : {}) } };
        },
      );
      record.inFlight += 1;
      const deliver = (answer: { ok: boolean; res: Record<string, unknown> }, into: (res: unknown) => void) => {
        call.outcome = String(answer.res.errMsg);
        record.inFlight -= 1;
        record.lastAnswerAt = now();
        into(host.toRealm(answer.res));
      };
      if (usesCallbacks) {
        void settled.then((answer) =>
          setTimeout(
            () =>
              deliver(answer, (res) =>
                host.guard(`wx.${api} callback`, () => {
                  if (answer.ok) options.success?.(res);
                  else options.fail?.(res);
                  options.complete?.(res);
                }),
              ),
            0,
          ),
        );
        return undefined;
      }
      return host.realmPromise((resolve, reject) => {
        void settled.then((answer) => setTimeout(() => deliver(answer, answer.ok ? resolve : reject), 0));
      });
    };
  }

  function syncApi<T>(api: string, run: (...args: unknown[]) => T) {
    return (...args: unknown[]): T => {
      record.calls.push({ api, at: now(), options: safeOptions(args[0]), gesture: host.inGesture() });
      try {
        admit(api);
      } catch (error) {
        const failure = error as ApiFailure;
        record.refusals.push({ api, errMsg: failure.errMsg, reason: failure.reason });
        throw host.toRealm({ errMsg: failure.errMsg });
      }
      return run(...args);
    };
  }

  const storageBytes = () => [...storage.entries()].reduce((sum, [key, value]) => sum + Buffer.byteLength(key) + Buffer.byteLength(value), 0);
  function writeStorage(api: string, key: unknown, data: unknown): void {
    if (typeof key !== 'string' || key === '') throw new ApiFailure(`${api}:fail parameter error: parameter.key should be String instead of ${typeof key};`, 'invalid');
    const serialised = JSON.stringify(data === undefined ? null : data);
    const bytes = Buffer.byteLength(serialised);
    if (bytes > STORAGE_ENTRY_LIMIT) throw new ApiFailure(`${api}:fail entry size limit reached`, 'limit');
    const previous = storage.get(key);
    if (storageBytes() - (previous === undefined ? 0 : Buffer.byteLength(key) + Buffer.byteLength(previous)) + Buffer.byteLength(key) + bytes > STORAGE_LIMIT) {
      throw new ApiFailure(`${api}:fail exceed storage max size 10MB`, 'limit');
    }
    storage.set(key, serialised);
    record.storageWrites.push({ key, bytes, at: now() });
  }
  const readStorage = (key: string): unknown => {
    const value = storage.get(key);
    return value === undefined ? '' : host.toRealm(JSON.parse(value));
  };
  const storageInfo = () => ({ keys: [...storage.keys()], currentSize: Math.ceil(storageBytes() / 1024), limitSize: STORAGE_LIMIT / 1024 });
  const throwingSync = <T>(api: string, run: () => T): T => {
    try {
      return run();
    } catch (error) {
      if (error instanceof ApiFailure) {
        record.refusals.push({ api, errMsg: error.errMsg, reason: error.reason });
        throw host.toRealm({ errMsg: error.errMsg });
      }
      throw error;
    }
  };

  const systemInfo = {
    brand: 'emulated',
    model: 'Gongjian weapp tier',
    pixelRatio: 3,
    screenWidth: 375,
    screenHeight: 812,
    windowWidth: 375,
    windowHeight: 724,
    statusBarHeight: 44,
    language: 'zh_CN',
    version: '8.0.50',
    system: 'iOS 17.0',
    platform: 'ios',
    SDKVersion: '3.5.0',
    safeArea: { left: 0, right: 375, top: 44, bottom: 778, width: 375, height: 734 },
    theme: 'light',
  };

  const navigation = (kind: 'navigateTo' | 'redirectTo' | 'reLaunch' | 'navigateBack' | 'switchTab') =>
    asyncApi(kind, (options) => {
      host.navigate(kind, { ...(typeof options.url === 'string' ? { url: options.url } : {}), ...(typeof options.delta === 'number' ? { delta: options.delta } : {}) });
      return {};
    });

  const wx: Record<string, unknown> = {
    // --- app and system
    getSystemInfoSync: syncApi('getSystemInfoSync', () => host.toRealm(systemInfo)),
    getSystemInfo: asyncApi('getSystemInfo', () => systemInfo),
    getWindowInfo: syncApi('getWindowInfo', () => host.toRealm(systemInfo)),
    getDeviceInfo: syncApi('getDeviceInfo', () => host.toRealm({ brand: systemInfo.brand, model: systemInfo.model, system: systemInfo.system, platform: systemInfo.platform })),
    getAppBaseInfo: syncApi('getAppBaseInfo', () => host.toRealm({ SDKVersion: systemInfo.SDKVersion, language: systemInfo.language, version: systemInfo.version, theme: 'light' })),
    getAccountInfoSync: syncApi('getAccountInfoSync', () => host.toRealm({ miniProgram: { appId: 'touristappid', envVersion: 'develop', version: '' } })),
    canIUse: syncApi('canIUse', () => true),
    nextTick: (callback: () => void) => setTimeout(() => host.guard('wx.nextTick', callback), 0),
    getNetworkType: asyncApi('getNetworkType', () => ({ networkType: 'wifi' })),
    onNetworkStatusChange: (listener: (status: unknown) => void) => void listeners.networkStatusChange.add(listener),
    offNetworkStatusChange: (listener: (status: unknown) => void) => void listeners.networkStatusChange.delete(listener),
    onAppShow: (listener: (options: unknown) => void) => void listeners.appShow.add(listener),
    offAppShow: (listener: (options: unknown) => void) => void listeners.appShow.delete(listener),
    onAppHide: (listener: (options: unknown) => void) => void listeners.appHide.add(listener),
    offAppHide: (listener: (options: unknown) => void) => void listeners.appHide.delete(listener),
    onError: (listener: (message: unknown) => void) => void listeners.error.add(listener),
    offError: (listener: (message: unknown) => void) => void listeners.error.delete(listener),
    onUnhandledRejection: (listener: (event: unknown) => void) => void listeners.unhandledRejection.add(listener),
    offUnhandledRejection: (listener: (event: unknown) => void) => void listeners.unhandledRejection.delete(listener),
    getUpdateManager: () => ({ onCheckForUpdate() {}, onUpdateReady() {}, onUpdateFailed() {}, applyUpdate() {} }),
    reportAnalytics: () => undefined,

    // --- storage (in memory; WeChat's 10 MB total and 1 MB per key)
    getStorageSync: syncApi('getStorageSync', (key) => readStorage(String(key))),
    setStorageSync: syncApi('setStorageSync', (key, data) => throwingSync('setStorageSync', () => writeStorage('setStorageSync', key, data))),
    removeStorageSync: syncApi('removeStorageSync', (key) => void storage.delete(String(key))),
    clearStorageSync: syncApi('clearStorageSync', () => storage.clear()),
    getStorageInfoSync: syncApi('getStorageInfoSync', () => host.toRealm(storageInfo())),
    getStorage: asyncApi('getStorage', (options) => {
      if (!storage.has(String(options.key))) throw new ApiFailure('getStorage:fail data not found', 'user');
      return { data: readStorage(String(options.key)) };
    }),
    setStorage: asyncApi('setStorage', (options) => {
      writeStorage('setStorage', options.key, options.data);
      return {};
    }),
    removeStorage: asyncApi('removeStorage', (options) => {
      storage.delete(String(options.key));
      return {};
    }),
    getStorageInfo: asyncApi('getStorageInfo', () => storageInfo()),

    // --- interface
    showToast: asyncApi('showToast', (options) => {
      record.toasts.push({ title: String(options.title ?? ''), icon: String(options.icon ?? 'success') });
      return {};
    }),
    hideToast: asyncApi('hideToast', () => ({})),
    showLoading: asyncApi('showLoading', () => ({})),
    hideLoading: asyncApi('hideLoading', () => ({})),
    showModal: asyncApi('showModal', (options) => {
      for (const key of ['confirmText', 'cancelText'] as const) {
        const text = options[key];
        // WeChat: at most 4 Chinese characters (8 half-width).
        if (typeof text === 'string' && [...text].reduce((width, char) => width + (char.charCodeAt(0) > 0xff ? 2 : 1), 0) > 8) {
          throw new ApiFailure(`showModal:fail ${key} length should not larger than 4 Chinese characters`, 'invalid');
        }
      }
      const answer = host.user.modalAnswers.shift() ?? 'confirm';
      record.modals.push({ title: String(options.title ?? ''), content: String(options.content ?? ''), answer });
      return answer === 'confirm' ? { confirm: true, cancel: false } : { confirm: false, cancel: true };
    }),
    showActionSheet: asyncApi('showActionSheet', (options) => {
      if (!Array.isArray(options.itemList) || options.itemList.length === 0 || options.itemList.length > 6) throw new ApiFailure('showActionSheet:fail parameter error: itemList should have 1 to 6 items', 'invalid');
      return { tapIndex: 0 };
    }),
    setNavigationBarTitle: asyncApi('setNavigationBarTitle', () => ({})),
    setNavigationBarColor: asyncApi('setNavigationBarColor', () => ({})),
    stopPullDownRefresh: asyncApi('stopPullDownRefresh', () => ({})),
    startPullDownRefresh: asyncApi('startPullDownRefresh', () => ({})),
    pageScrollTo: asyncApi('pageScrollTo', () => ({})),
    showShareMenu: asyncApi('showShareMenu', () => ({})),
    hideShareMenu: asyncApi('hideShareMenu', () => ({})),
    vibrateShort: asyncApi('vibrateShort', () => ({})),
    previewImage: asyncApi('previewImage', () => ({})),

    // --- navigation (the page table and the 10-page stack, in the emulator)
    navigateTo: navigation('navigateTo'),
    redirectTo: navigation('redirectTo'),
    reLaunch: navigation('reLaunch'),
    navigateBack: navigation('navigateBack'),
    switchTab: navigation('switchTab'),

    // --- permissions, gestures and privacy
    getSetting: asyncApi('getSetting', () => ({ authSetting: Object.fromEntries([...authorized].map((scope) => [scope, true])) })),
    authorize: asyncApi('authorize', (options) => {
      if (options.scope === 'scope.userLocation' && !host.user.allowsLocation) throw new ApiFailure('authorize:fail auth deny', 'user');
      authorized.add(String(options.scope));
      return {};
    }),
    openSetting: asyncApi('openSetting', () => ({ authSetting: Object.fromEntries([...authorized].map((scope) => [scope, true])) })),
    getPrivacySetting: asyncApi('getPrivacySetting', () => ({ needAuthorization: false, privacyContractName: '《共建小程序隐私保护指引》' })),
    requirePrivacyAuthorize: asyncApi('requirePrivacyAuthorize', () => ({})),
    onNeedPrivacyAuthorization: () => undefined,
    requestSubscribeMessage: asyncApi('requestSubscribeMessage', async (options) => {
      const ids = options.tmplIds;
      if (!Array.isArray(ids) || ids.length === 0) throw new ApiFailure('requestSubscribeMessage:fail TmplIds can\'t be empty', 'invalid');
      if (ids.length > 3) throw new ApiFailure('requestSubscribeMessage:fail TmplIds count is more than 3', 'invalid');
      const answer = Object.fromEntries(ids.map((id) => [String(id), host.user.subscribes]));
      record.subscriptions.push({ tmplIds: ids.map(String), answer });
      // WeChat's servers keep the allowance: the local cloud's quota then lets one send through per accept.
      await host.cloud.subscribed(answer);
      return answer;
    }),
    getLocation: asyncApi('getLocation', (options) => {
      if (!host.user.allowsLocation) throw new ApiFailure('getLocation:fail auth deny', 'user');
      authorized.add('scope.userLocation');
      const position = host.user.position;
      if (position === 'unavailable') throw new ApiFailure('getLocation:fail system permission denied', 'user');
      const type = options.type ?? 'wgs84';
      if (type !== 'wgs84' && type !== 'gcj02') throw new ApiFailure(`getLocation:fail invalid type ${String(type)}`, 'invalid');
      const point = type === 'gcj02' ? wgs84ToGcj02(position) : position;
      return { latitude: point.latitude, longitude: point.longitude, accuracy: position.accuracy, speed: -1, altitude: 0, verticalAccuracy: 0, horizontalAccuracy: position.accuracy };
    }),
    chooseLocation: asyncApi('chooseLocation', () => {
      const point = host.user.mapPoint;
      if (!point) throw new ApiFailure('chooseLocation:fail cancel', 'user');
      return { ...point };
    }),
    chooseMedia: asyncApi('chooseMedia', () => {
      const photo = host.user.photo;
      if (!photo) throw new ApiFailure('chooseMedia:fail cancel', 'user');
      const tempFilePath = tempPath(photo.name);
      tempFiles.set(tempFilePath, photo.content);
      return { type: 'image', tempFiles: [{ tempFilePath, size: photo.content.length, fileType: 'image', width: 1080, height: 1440 }] };
    }),
    chooseImage: asyncApi('chooseImage', () => {
      const photo = host.user.photo;
      if (!photo) throw new ApiFailure('chooseImage:fail cancel', 'user');
      const tempFilePath = tempPath(photo.name);
      tempFiles.set(tempFilePath, photo.content);
      return { tempFilePaths: [tempFilePath], tempFiles: [{ path: tempFilePath, size: photo.content.length }] };
    }),
    chooseMessageFile: asyncApi('chooseMessageFile', () => {
      const file = host.user.file;
      if (!file) throw new ApiFailure('chooseMessageFile:fail cancel', 'user');
      const path = tempPath(file.name);
      tempFiles.set(path, file.content);
      return { tempFiles: [{ path, size: file.content.length, name: file.name, type: 'file', time: Math.floor(Date.now() / 1000) }] };
    }),
    setClipboardData: asyncApi('setClipboardData', (options) => {
      if (typeof options.data !== 'string') throw new ApiFailure('setClipboardData:fail parameter error: parameter.data should be String', 'invalid');
      record.clipboard.push(options.data);
      return {};
    }),
    getClipboardData: asyncApi('getClipboardData', () => ({ data: record.clipboard[record.clipboard.length - 1] ?? '' })),
    openDocument: asyncApi('openDocument', (options) => {
      if (typeof options.filePath !== 'string' || !tempFiles.has(options.filePath)) throw new ApiFailure('openDocument:fail file not found', 'invalid');
      return {};
    }),
    downloadFile: asyncApi('downloadFile', (options) => {
      if (typeof options.url !== 'string' || !/^https?:\/\//.test(options.url)) throw new ApiFailure('downloadFile:fail invalid url', 'invalid');
      // With filePath WeChat saves under that name (only inside USER_DATA_PATH) and answers filePath, not tempFilePath.
      if (typeof options.filePath === 'string') {
        if (!options.filePath.startsWith(`${USER_DATA_PATH}/`)) throw new ApiFailure(`downloadFile:fail permission denied, open ${options.filePath}`, 'invalid');
        tempFiles.set(options.filePath, Buffer.alloc(0));
        return { filePath: options.filePath, statusCode: 200 };
      }
      const tempFilePath = tempPath('.bin');
      tempFiles.set(tempFilePath, Buffer.alloc(0));
      return { tempFilePath, statusCode: 200 };
    }),
    env: { USER_DATA_PATH },
    getFileSystemManager: () => ({
      readFileSync: (filePath: string) => {
        const content = tempFiles.get(filePath);
        if (!content) throw host.toRealm({ errMsg: `readFileSync:fail no such file or directory ${filePath}` });
        return content.buffer.slice(content.byteOffset, content.byteOffset + content.byteLength);
      },
    }),

    // --- cloud
    cloud: {
      init: (options: unknown) => {
        record.calls.push({ api: 'cloud.init', at: now(), options: safeOptions(options), gesture: host.inGesture() });
        cloudReady = true;
      },
      callFunction: (options: Options) => {
        const name = String(options.name ?? '');
        const call = asyncApi('cloud.callFunction', async () => {
          if (!cloudReady) throw new ApiFailure("cloud.callFunction:fail Cloud API isn't enabled, please call wx.cloud.init first", 'invalid');
          const data = JSON.parse(JSON.stringify(options.data ?? {})) as { action?: string };
          const entry: WxRecord['cloudCalls'][number] = { name, ...(typeof data.action === 'string' ? { action: data.action } : {}), at: now(), bytesIn: Buffer.byteLength(JSON.stringify(data)) };
          record.cloudCalls.push(entry);
          try {
            const result = JSON.parse(JSON.stringify((await host.cloud.callFunction(name, data)) ?? null)) as unknown;
            entry.bytesOut = Buffer.byteLength(JSON.stringify(result));
            return { result, requestID: randomUUID() };
          } catch (error) {
            throw new ApiFailure(`cloud.callFunction:fail -404011 cloud function execution error | errMsg: ${(error as Error)?.message ?? String(error)}`, 'invalid');
          }
        });
        return call(options);
      },
      uploadFile: (options: Options) =>
        asyncApi('cloud.uploadFile', async () => {
          if (!cloudReady) throw new ApiFailure("cloud.uploadFile:fail Cloud API isn't enabled, please call wx.cloud.init first", 'invalid');
          const content = tempFiles.get(String(options.filePath));
          if (!content) throw new ApiFailure(`cloud.uploadFile:fail file not found ${String(options.filePath)}`, 'invalid');
          return { ...(await host.cloud.uploadFile(String(options.cloudPath), content)), statusCode: 204 };
        })(options),
      database: () => {
        throw host.toRealm({ errMsg: 'cloud.database: the emulated app has no client-side database (every collection is read: false, write: false)' });
      },
    },
  };

  return {
    wx,
    emit: {
      appShow(options: unknown) {
        for (const listener of listeners.appShow) host.guard('wx.onAppShow listener', () => listener(host.toRealm(options)));
      },
      appHide() {
        for (const listener of listeners.appHide) host.guard('wx.onAppHide listener', () => listener(host.toRealm({})));
      },
    },
  };
}

/** Options as recorded: without callbacks, and without large payloads. */
function safeOptions(options: unknown): unknown {
  if (!options || typeof options !== 'object') return options;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(options)) {
    if (typeof value === 'function') continue;
    copy[key] = typeof value === 'string' && value.length > 200 ? `${value.slice(0, 200)}…` : value;
  }
  return copy;
}
