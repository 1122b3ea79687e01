export default definePageConfig({
  navigationBarTitleText: '数据看板',
});
