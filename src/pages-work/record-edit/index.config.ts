export default definePageConfig({
  navigationBarTitleText: '写记录',
});
