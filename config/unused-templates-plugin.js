/**
 * A Taro plugin: leaves out of base.wxml (in the main package, loaded by every page) the templates
 * of two components Taro includes by default but this app never renders:
 * - `scroll-view` (~9.4 KB over all levels): Taro adds it back by itself as soon as a page uses
 *   `<ScrollView>` (TaroComponentsExportsPlugin);
 * - `catch-view` (~9.5 KB), the form `<View catchMove>` takes: tests/weapp/packages.test.ts fails
 *   when a source file uses `catchMove`, which would then render nothing.
 */
const unused = ['scroll-view', 'catch-view'];

module.exports = (ctx) => {
  ctx.modifyComponentConfig(({ componentConfig }) => {
    for (const name of unused) componentConfig.includes.delete(name);
  });
};

module.exports.unusedTemplates = unused;
