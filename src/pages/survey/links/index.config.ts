export default definePageConfig({
  navigationBarTitleText: '发放评议',
});
