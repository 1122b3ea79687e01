export default definePageConfig({
  navigationBarTitleText: '确认记录',
});
