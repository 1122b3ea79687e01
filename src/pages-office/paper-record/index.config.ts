export default definePageConfig({
  navigationBarTitleText: '补录纸质记录',
});
