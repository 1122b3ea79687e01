// Each test starts with empty phone storage and no page parameters.
const taro = require('@tarojs/taro');

beforeEach(() => {
  taro.__storage.clear();
  taro.__setRouterParams({});
});
