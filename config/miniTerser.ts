import baseLibrary from './base-library.json';

/**
 * Terser for the weapp build. Taro's default (webpack5-runner MiniBaseConfig) writes every non-ASCII
 * character as `\uXXXX` (6 bytes for each of the app's ~4,800 Chinese characters, 3 in UTF-8, which
 * WeChat requires of code files anyway), targets ES5 and switches most compressions off. Here: UTF-8
 * as is, the ES level of the lowest base library the app accepts (config/base-library.json), and
 * terser's own defaults for every compression Taro turns off (merged over Taro's options, so each is
 * named). `toplevel`, `hoist_funs` and `hoist_vars` stay off, as in terser's defaults.
 */
const ecma = baseLibrary.ecma as 2019;

export const miniTerser = {
  enable: true,
  config: {
    compress: {
      ecma,
      arrows: true,
      collapse_vars: true,
      comparisons: true,
      computed_props: true,
      hoist_props: true,
      inline: true,
      loops: true,
      negate_iife: true,
      properties: true,
      reduce_funcs: true,
      reduce_vars: true,
      switches: true,
      typeofs: true,
      directives: true,
      passes: 2,
    },
    output: { ecma, comments: false, ascii_only: false },
  },
};
