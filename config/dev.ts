import type { UserConfigExport } from '@tarojs/cli';

export default {
  logger: { quiet: false, stats: true },
  mini: {},
  h5: {
    // React Fast Refresh would need two more dev packages; a full reload is enough here.
    // Keep in step with `hot: false` in babel.config.js.
    devServer: { hot: false },
  },
} satisfies UserConfigExport<'webpack5'>;
