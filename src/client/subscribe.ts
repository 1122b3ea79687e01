import { requestSubscriptions } from './subscriptionAllowance';

/** The 待确认提醒 template id, set at build time (`GJ_TEMPLATE_CONFIRM_REQUEST`). */
declare const CONFIRM_TEMPLATE_ID: string;

export const confirmTemplateId: string = typeof CONFIRM_TEMPLATE_ID === 'string' && CONFIRM_TEMPLATE_ID !== '' ? CONFIRM_TEMPLATE_ID : 'local-confirm-request';

/**
 * Where a person can allow subscription messages: the mini-program (WeChat's dialog), and h5, which
 * runs against the local cloud: its messages go to the local outbox under the same quota as WeChat's
 * (one allowance, one message), so a tap there records the allowance (subscriptionAllowance.ts).
 */
export const canSubscribe = (): boolean => process.env.TARO_ENV === 'weapp' || process.env.TARO_ENV === 'h5';

/**
 * Ask the party leader to allow the next 待确认提醒 (one message per allowance).
 * Must run inside a tap. Answers whether they allowed it. In h5 the allowance is recorded by the local
 * cloud (subscriptionAllowance.ts), so its quota matches WeChat's.
 */
export async function askForConfirmReminder(): Promise<boolean> {
  return (await requestSubscriptions([confirmTemplateId]))[confirmTemplateId] === 'accept';
}
