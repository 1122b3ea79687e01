// A small stand-in for @tarojs/taro: navigation and cloud calls are jest mocks that resolve.
const resolved = () => jest.fn(() => Promise.resolve({ errMsg: 'ok' }));

// Storage is shared by every copy of this module (jest.isolateModules simulates an app restart,
// and the phone's storage survives a restart); tests/pages/afterEnv.js empties it before each test.
const storage = (globalThis.__taroMockStorage = globalThis.__taroMockStorage || new Map());
let routerParams = {};
const networkListeners = [];
const appShowListeners = [];

const Taro = {
  navigateTo: resolved(),
  redirectTo: resolved(),
  reLaunch: resolved(),
  navigateBack: resolved(),
  showToast: resolved(),
  showModal: jest.fn(() => Promise.resolve({ confirm: true, cancel: false })),
  stopPullDownRefresh: jest.fn(),
  getLocation: jest.fn(() => Promise.reject({ errMsg: 'getLocation:fail not mocked' })),
  chooseMedia: jest.fn(() => Promise.reject({ errMsg: 'chooseMedia:fail cancel' })),
  setClipboardData: resolved(),
  requestSubscribeMessage: resolved(),
  openSetting: resolved(),
  getStorageSync: jest.fn((key) => (storage.has(key) ? storage.get(key) : '')),
  setStorageSync: jest.fn((key, value) => void storage.set(key, value)),
  removeStorageSync: jest.fn((key) => void storage.delete(key)),
  onNetworkStatusChange: jest.fn((listener) => void networkListeners.push(listener)),
  onAppShow: jest.fn((listener) => void appShowListeners.push(listener)),
  cloud: {
    init: jest.fn(),
    callFunction: jest.fn(),
    uploadFile: jest.fn(),
  },
};

module.exports = {
  __esModule: true,
  default: Taro,
  useLaunch: jest.fn(),
  usePullDownRefresh: jest.fn(),
  useReachBottom: jest.fn(),
  useDidShow: jest.fn(),
  useDidHide: jest.fn(),
  useShareAppMessage: jest.fn(),
  useRouter: jest.fn(() => ({ params: routerParams })),
  // Test controls, not part of Taro.
  __storage: storage,
  __setRouterParams: (params) => {
    routerParams = params;
  },
  __emitNetworkStatus: (status) => networkListeners.forEach((listener) => listener(status)),
  __emitAppShow: () => appShowListeners.forEach((listener) => listener({})),
  __resetListeners: () => {
    networkListeners.length = 0;
    appShowListeners.length = 0;
  },
};
