export default definePageConfig({
  navigationBarTitleText: '到访签到',
});
