export default definePageConfig({
  navigationBarTitleText: '待核查的记录',
});
