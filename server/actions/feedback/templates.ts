/**
 * The 投诉建议答复通知 subscription template (the sender asks for it when sending). Its id comes
 * from the WeChat console, environment variable GJ_TEMPLATE_FEEDBACK_REPLY; fields: thing1 事项,
 * thing2 答复内容, date3 答复日期.
 */
export const feedbackReplyTemplate = {
  id: process.env.GJ_TEMPLATE_FEEDBACK_REPLY ?? 'local-feedback-reply',
  page: 'pages/feedback/index',
} as const;

export const miniprogramState = process.env.GJ_MINIPROGRAM_STATE ?? 'formal';
