import type { CloudDatabase, WxCloud } from '../runtime/cloud';
import { reminderLogRepository } from '../repositories/reminderLog';
import type { Log, Message } from './send';
import { sendMessage } from './send';
import type { MessageTemplate } from './templates';

/** One reminder a job found due: its key (the "never twice" ledger's id), who, and the message. */
export interface DueReminder<F extends string = string> {
  readonly key: string;
  readonly personId: string;
  readonly kind: string;
  readonly template: MessageTemplate<F>;
  readonly message: Message<F>;
}

export interface ReminderRun {
  readonly due: number;
  readonly sent: number;
  readonly alreadySent: number;
  readonly notAllowed: number;
}

/**
 * The one reminder-job framework every timer uses: skip what the ledger says was sent, send the
 * rest, and log each one sent. A reminder the person has not allowed is not logged, so it can still
 * reach them once they allow it.
 */
export async function sendDueReminders(context: { readonly db: CloudDatabase; readonly cloud: WxCloud; readonly now: Date }, due: readonly DueReminder[], log: Log = console.warn): Promise<ReminderRun> {
  const ledger = reminderLogRepository(context.db);
  const skip = await ledger.sentBefore(due.map((reminder) => reminder.key));
  let sent = 0;
  let notAllowed = 0;
  for (const reminder of due.filter((candidate) => !skip.has(candidate.key))) {
    const outcome = await sendMessage(context.cloud, reminder.template, reminder.message, log);
    if (outcome === 'notAllowed') notAllowed += 1;
    if (outcome !== 'sent') continue;
    try {
      await ledger.record({ _id: reminder.key, personId: reminder.personId, kind: reminder.kind, sentAt: context.now });
      sent += 1;
    } catch (error) {
      log(`[gongjian] reminder ${reminder.key} sent but not logged: ${String((error as Error)?.message ?? error)}`);
    }
  }
  return { due: due.length, sent, alreadySent: skip.size, notAllowed };
}
