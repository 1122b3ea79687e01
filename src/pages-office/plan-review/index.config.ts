export default definePageConfig({
  navigationBarTitleText: '审阅工作方案',
});
