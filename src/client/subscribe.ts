import { requestSubscriptions } from './subscriptionAllowance';

/** The 待确认提醒 template id, set at build time (`GJ_TEMPLATE_CONFIRM_REQUEST`). */
declare const CONFIRM_TEMPLATE_ID: string;

export const confirmTemplateId: string = typeof CONFIRM_TEMPLATE_ID === 'string' && CONFIRM_TEMPLATE_ID !== '' ? CONFIRM_TEMPLATE_ID : 'local-confirm-request';

/** Subscription messages exist only in the mini-program; h5 has none. */
export const canSubscribe = (): boolean => process.env.TARO_ENV === 'weapp';

/**
 * Ask the party leader to allow the next 待确认提醒 (one message per allowance).
 * Must run inside a tap. Answers whether they allowed it. In h5 the allowance is recorded by the local
 * cloud (subscriptionAllowance.ts), so its quota matches WeChat's.
 */
export async function askForConfirmReminder(): Promise<boolean> {
  return (await requestSubscriptions([confirmTemplateId]))[confirmTemplateId] === 'accept';
}
