export default definePageConfig({
  navigationBarTitleText: '单位与组织',
});
