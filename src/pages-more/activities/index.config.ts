export default definePageConfig({
  navigationBarTitleText: '联合活动',
  enablePullDownRefresh: true,
});
