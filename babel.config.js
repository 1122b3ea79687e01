// Babel is used by Taro's webpack5 runner for the app sources.
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
      },
    ],
  ],
};
