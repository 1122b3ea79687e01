import { readStored, writeStored } from './storage';
import { canSubscribe, confirmTemplateId } from './subscribe';
import { requestSubscriptions } from './subscriptionAllowance';

/** The 到期提醒 template id, set at build time (`GJ_TEMPLATE_CADENCE_REMINDER`, config/index.ts defineConstants). */
declare const CADENCE_TEMPLATE_ID: string;

export const cadenceTemplateId: string = typeof CADENCE_TEMPLATE_ID === 'string' && CADENCE_TEMPLATE_ID !== '' ? CADENCE_TEMPLATE_ID : 'local-cadence-reminder';

/** `cadence`: a unit worker's visit/activity reminder; `confirm`: a party leader's 待确认提醒. */
export type ReminderKind = 'cadence' | 'confirm';

/** What the person last answered on this phone: `on` (allowed), `off` (declined), `unasked`, or `unsupported` (a platform without subscription messages). */
export type ReminderStatus = 'on' | 'off' | 'unasked' | 'unsupported';

const templateOf: Record<ReminderKind, () => string> = { cadence: () => cadenceTemplateId, confirm: () => confirmTemplateId };
const storageKey = (kind: ReminderKind) => `gj.reminders.${kind}`;

export function reminderStatus(kind: ReminderKind): ReminderStatus {
  if (!canSubscribe()) return 'unsupported';
  const stored = readStored<'on' | 'off'>(storageKey(kind));
  return stored === 'on' || stored === 'off' ? stored : 'unasked';
}

/**
 * Ask for one allowance of the reminder template (one allowance = one message in WeChat). Must be
 * called straight from a tap handler, before anything is awaited: WeChat refuses it otherwise.
 * Remembers the answer on the phone (so pages can show whether reminders are on); never throws.
 */
export async function askForReminder(kind: ReminderKind): Promise<ReminderStatus> {
  if (!canSubscribe()) return 'unsupported';
  const templateId = templateOf[kind]();
  const status = (await requestSubscriptions([templateId]))[templateId] === 'accept' ? 'on' : 'off';
  writeStored(storageKey(kind), status);
  return status;
}
