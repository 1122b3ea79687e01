export default definePageConfig({
  navigationBarTitleText: '年度自评',
});
