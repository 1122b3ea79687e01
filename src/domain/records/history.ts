/**
 * The audit trail of a record: what can happen to it (each transition, plus its creation) and
 * the Chinese names people read, used by the functions that write the trail and the pages that show it.
 */
export const historyEvents = {
  create: '创建记录',
  edit: '修改内容',
  submit: '提交确认',
  confirm: '确认',
  dispute: '提出异议',
  revise: '发起修改',
  withdraw: '撤回',
} as const;
export type HistoryEvent = keyof typeof historyEvents;

/** The record fields an edit can change, with their Chinese names (audit trail `changedFields`). */
export const recordFieldLabels = {
  kind: '记录类型',
  date: '日期',
  contentAreas: '共建内容',
  content: '工作内容',
  results: '具体成效',
  participants: '参加人员',
  organisations: '党群组织',
  attachments: '附件',
  checkIn: '签到',
  activityId: '联合活动',
} as const;
export type EditableRecordField = keyof typeof recordFieldLabels;
export const editableRecordFields = Object.keys(recordFieldLabels) as EditableRecordField[];
