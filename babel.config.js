// Babel is used by Taro's webpack5 runner for the app sources (and @tarojs packages).
const baseLibrary = require('./config/base-library.json');

module.exports = {
  presets: [
    [
      'taro',
      {
        framework: 'react',
        ts: true,
        compiler: 'webpack5',
        // No React Fast Refresh in h5 development (see config/dev.ts).
        hot: false,
        // The JS engines of the lowest WeChat base library the app accepts (config/base-library.json),
        // instead of Taro's default of iOS 9 / Android 5, which transpiles classes, async functions
        // and spread into tens of KB of helpers. The h5 build runs in current browsers: same targets.
        targets: baseLibrary.targets,
      },
    ],
  ],
};
