export default definePageConfig({
  navigationBarTitleText: '导入结对表',
});
