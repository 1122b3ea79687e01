import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';
import { miniTerser } from './miniTerser';

const isH5 = process.env.TARO_ENV === 'h5';

/**
 * Taro build configuration, shared by the `weapp` and `h5` targets.
 * `taro init` needs the internet, so this file is written by hand.
 */
export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'gongjian',
    date: '2026-1-1',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: isH5 ? 'dist/h5' : 'dist/weapp',
    // Templates Taro includes by default that no page renders (see the plugin).
    plugins: isH5 ? [] : [path.join(__dirname, 'unused-templates-plugin.js')],
    defineConstants: {
      // The WeChat cloud environment id; empty means the default environment.
      CLOUD_ENV: JSON.stringify(process.env.CLOUD_ENV ?? ''),
      // The 待确认提醒 subscription template the confirm page asks the leader to allow (same env as the functions).
      CONFIRM_TEMPLATE_ID: JSON.stringify(process.env.GJ_TEMPLATE_CONFIRM_REQUEST ?? 'local-confirm-request'),
      CADENCE_TEMPLATE_ID: JSON.stringify(process.env.GJ_TEMPLATE_CADENCE_REMINDER ?? 'local-cadence-reminder'),
      // The 审核结果通知 template the author is asked to allow when submitting a record (same env as the functions).
      RESULT_TEMPLATE_ID: JSON.stringify(process.env.GJ_TEMPLATE_RECORD_RESULT ?? 'local-record-result'),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    // Taro reads `terser` here for both targets; only the mini-program's is changed (see miniTerser.ts).
    ...(isH5 ? {} : { terser: miniTerser }),
    cache: { enable: false },
    mini: {
      // Components' class names never overlap (BEM), so the order pages import them in does not matter (as in h5).
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
  };

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig);
  }
  return merge({}, baseConfig, prodConfig);
});
