export default definePageConfig({
  navigationBarTitleText: '“两新”组织',
});
