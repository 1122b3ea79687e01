export default definePageConfig({
  navigationBarTitleText: '待我确认',
  enablePullDownRefresh: true,
});
