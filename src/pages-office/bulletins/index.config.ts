export default definePageConfig({
  navigationBarTitleText: '季度督办通报',
});
