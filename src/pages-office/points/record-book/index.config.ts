export default definePageConfig({
  navigationBarTitleText: '积分行动记录本',
});
