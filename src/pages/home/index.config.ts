export default definePageConfig({
  navigationBarTitleText: '共建',
  enablePullDownRefresh: true,
});
