// Each test starts with empty phone storage and no page parameters.
const taro = require('@tarojs/taro');
const { configure } = require('@testing-library/react');

// findBy…/waitFor wait for what must appear as long as a loaded machine needs (see tests/support/noTimedTests.js).
configure({ asyncUtilTimeout: 30_000 });

beforeEach(() => {
  taro.__storage.clear();
  taro.__setRouterParams({});
});
