export default definePageConfig({
  navigationBarTitleText: '评议管理',
});
