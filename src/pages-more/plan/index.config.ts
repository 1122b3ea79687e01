export default definePageConfig({
  navigationBarTitleText: '工作方案',
});
