/**
 * Subscription-message templates. Their ids come from the WeChat console (公共模板库) and are set as
 * environment variables of the cloud functions; the local cloud uses the placeholder ids below.
 * Field keys and types must match the chosen template (thing ≤ 20, phrase ≤ 5, name ≤ 10 characters).
 */
export const templates = {
  /** 待确认提醒 — a record waits for the org's party leader. */
  confirmRequest: {
    id: process.env.GJ_TEMPLATE_CONFIRM_REQUEST ?? 'local-confirm-request',
    page: 'pages/confirm/index',
  },
  /** 到访提醒 — this month's visit or this quarter's activity is still open near its end. */
  cadenceReminder: {
    id: process.env.GJ_TEMPLATE_CADENCE_REMINDER ?? 'local-cadence-reminder',
    page: 'pages/home/index',
  },
} as const;

/** `formal` in the released mini-program; `developer` / `trial` while testing. */
export const miniprogramState = process.env.GJ_MINIPROGRAM_STATE ?? 'formal';
