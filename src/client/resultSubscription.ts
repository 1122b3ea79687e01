import { requestSubscriptions } from './subscriptionAllowance';

/** The 审核结果通知 template id, set at build time (`GJ_TEMPLATE_RECORD_RESULT`, config/index.ts defineConstants). */
declare const RESULT_TEMPLATE_ID: string;

export const resultTemplateId: string = typeof RESULT_TEMPLATE_ID === 'string' && RESULT_TEMPLATE_ID !== '' ? RESULT_TEMPLATE_ID : 'local-record-result';

/**
 * Ask the author to allow one 审核结果通知 (the leader's 已确认/有异议 for the record being submitted).
 * Call it first thing in the tap that submits, before anything else is awaited (WeChat allows the dialog
 * only from a tap); the answer changes nothing about the submit itself.
 * In h5 against the local cloud the tap counts as "允许" and is reported to its quota, as for the
 * other reminders. Never throws.
 */
export async function askForResultMessage(): Promise<boolean> {
  return (await requestSubscriptions([resultTemplateId]))[resultTemplateId] === 'accept';
}
