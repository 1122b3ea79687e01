export default definePageConfig({
  navigationBarTitleText: '共建办工作台',
});
