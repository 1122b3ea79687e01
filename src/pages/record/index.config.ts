export default definePageConfig({
  navigationBarTitleText: '记录详情',
  // The share card (发送给负责人) is sent from this page.
  enableShareAppMessage: true,
});
