/**
 * The closed set of failures every cloud action can answer with.
 * The code is stable (logs, tests, client logic); the message is for people, in Chinese.
 */
export const errorMessages = {
  INVALID_INPUT: '提交的内容不完整或格式不对，请检查后再试',
  UNKNOWN_ACTION: '不支持的操作',
  UNAUTHENTICATED: '请先登录',
  FORBIDDEN: '您没有权限进行此操作',
  /** A party leader whose leadership still awaits approval: pages show it calmly, not as an error. */
  PENDING_APPROVAL: '您的党组织负责人身份正在等待结对单位或街道、区党群共建办审核，审核通过后即可使用',
  NOT_FOUND: '要找的内容不存在或已删除',
  CONFLICT: '内容已被他人修改，请刷新后再试',
  ALREADY_DONE: '该操作已完成，无需重复提交',
  EXPIRED: '链接或二维码已过期，请重新获取',
  RATE_LIMITED: '操作太频繁，请稍后再试',
  PAYLOAD_TOO_LARGE: '提交的内容太大',
  INTERNAL: '系统繁忙，请稍后再试',
} as const;

export type ErrorCode = keyof typeof errorMessages;

export interface ActionError {
  readonly code: ErrorCode;
  /** For people, in Chinese. */
  readonly message: string;
  /** Which input field is wrong, when the error is about one. */
  readonly field?: string;
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(errorMessages, value);
}
