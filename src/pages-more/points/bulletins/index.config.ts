export default definePageConfig({
  navigationBarTitleText: '督办通报',
});
