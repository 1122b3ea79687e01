export default definePageConfig({
  navigationBarTitleText: '加入共建',
});
