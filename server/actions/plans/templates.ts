/**
 * The 工作提醒 subscription template of work plans (reminders before the deadline, a plan returned).
 * Its id comes from the WeChat console and is set as the functions' environment variable
 * GJ_TEMPLATE_PLAN_REMINDER; fields: thing1 事项, thing2 单位, date3 截止日期, thing4 备注.
 */
export const planReminderTemplate = {
  id: process.env.GJ_TEMPLATE_PLAN_REMINDER ?? 'local-plan-reminder',
  page: 'pages/plan/index',
} as const;

export const miniprogramState = process.env.GJ_MINIPROGRAM_STATE ?? 'formal';
