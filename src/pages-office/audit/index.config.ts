export default definePageConfig({
  navigationBarTitleText: '审计记录',
});
