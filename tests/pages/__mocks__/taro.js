// A small stand-in for @tarojs/taro: navigation and cloud calls are jest mocks that resolve.
const resolved = () => jest.fn(() => Promise.resolve({ errMsg: 'ok' }));

const Taro = {
  navigateTo: resolved(),
  redirectTo: resolved(),
  reLaunch: resolved(),
  showToast: resolved(),
  stopPullDownRefresh: jest.fn(),
  cloud: {
    init: jest.fn(),
    callFunction: jest.fn(),
  },
};

module.exports = {
  __esModule: true,
  default: Taro,
  useLaunch: jest.fn(),
  usePullDownRefresh: jest.fn(),
  useDidShow: jest.fn(),
};
