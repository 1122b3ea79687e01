/**
 * The pages that messages, share cards and QR codes open (paths without a leading slash, as
 * WeChat's subscription messages and `wxacode.getUnlimited` want them). One list, read by the
 * functions that make links and by the app's page table.
 */
export const linkedPages = {
  confirm: 'pages/confirm/index',
  home: 'pages/home/index',
  /** One record as its author sees it (`?id=` the record's id): the result message opens it. */
  record: 'pages/record/index',
  join: 'pages/join/index',
  attend: 'pages/attend/index',
  survey: 'pages/survey/index',
  plan: 'pages-more/plan/index',
  feedback: 'pages-more/feedback/index',
} as const;

export type LinkedPage = (typeof linkedPages)[keyof typeof linkedPages];
