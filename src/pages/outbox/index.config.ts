export default definePageConfig({
  navigationBarTitleText: '本地订阅消息发件箱',
  enablePullDownRefresh: true,
});
