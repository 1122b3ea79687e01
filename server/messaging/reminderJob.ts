import { chinaDateString } from '../../src/domain/time/chinaTime';
import type { JobProgressDocument } from '../repositories/jobProgress';
import { jobProgressRepository } from '../repositories/jobProgress';
import type { ReminderLogEntry } from '../repositories/reminderLog';
import { reminderLogRepository } from '../repositories/reminderLog';
import type { JobContext } from '../runtime/createTimerFunction';
import type { RunBudget } from './runBudget';
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
  /** Reminders due today (0 when an earlier run already finished today's work). */
  readonly due: number;
  readonly sent: number;
  /** Handled before (sent or refused, by an earlier run or day). */
  readonly alreadySent: number;
  /** Refused with 43101 in this run: logged, never tried again. */
  readonly notAllowed: number;
  /** Failed otherwise in this run (logged in English; tried again another day if still due). */
  readonly failed: number;
  /** Sending rounds of this run (each: up to `concurrency` sends in parallel, then one ledger write). */
  readonly waves: number;
  /** True when today's work is finished; false when this run stopped at its budget and the next run continues. */
  readonly done: boolean;
}

/**
 * The one reminder-job framework every timer uses. A timer runs several times a day (config.json);
 * each run reads the job's progress, and when today's work is finished it stops after that one
 * request. Otherwise it works out what is due (`findDue`, in key order), skips what the ledger says
 * was handled and what an earlier run today passed (the cursor), and sends the rest in waves of
 * `concurrency` parallel sends — WeChat's rate limits stay far away — logging each wave's sent and
 * refused (43101) reminders in one write, with the cursor beside it. It stops starting waves when its
 * budget (derived from the function's timeout) is spent; the next run continues after the cursor.
 */
export async function runReminderJob(context: JobContext, job: string, budget: RunBudget, findDue: () => Promise<readonly DueReminder[]>, log: Log = console.warn): Promise<ReminderRun> {
  const day = chinaDateString(context.now);
  const progressStore = jobProgressRepository(context.db);
  const stored = await progressStore.of(job);
  const today: JobProgressDocument =
    stored && stored.day === day ? stored : { _id: job, day, cursor: '', done: false, runs: 0, sent: 0, refused: 0, failed: 0, updatedAt: context.now };
  if (today.done) return { due: 0, sent: 0, alreadySent: 0, notAllowed: 0, failed: 0, waves: 0, done: true };

  const due = [...(await findDue())].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const after = due.filter((reminder) => reminder.key > today.cursor);
  const ledger = reminderLogRepository(context.db);
  const handled = await ledger.sentBefore(after.map((reminder) => reminder.key));
  const queue = after.filter((reminder) => !handled.has(reminder.key));

  let progress: JobProgressDocument = { ...today, runs: today.runs + 1, updatedAt: context.now };
  let sent = 0;
  let notAllowed = 0;
  let failed = 0;
  let waves = 0;
  let next = 0;
  while (next < queue.length && waves < budget.maxWaves) {
    const wave = queue.slice(next, next + budget.concurrency);
    next += wave.length;
    waves += 1;
    const outcomes = await Promise.all(wave.map((reminder) => sendMessage(context.cloud, reminder.template, reminder.message, log)));
    const entries: ReminderLogEntry[] = [];
    wave.forEach((reminder, index) => {
      const outcome = outcomes[index];
      if (outcome === 'sent') sent += 1;
      else if (outcome === 'notAllowed') notAllowed += 1;
      else failed += 1;
      if (outcome === 'sent' || outcome === 'notAllowed') entries.push({ _id: reminder.key, personId: reminder.personId, kind: reminder.kind, sentAt: context.now, outcome: outcome === 'sent' ? 'sent' : 'refused' });
    });
    const lastWave = next >= queue.length;
    progress = {
      ...progress,
      cursor: wave[wave.length - 1]!.key,
      done: lastWave,
      sent: progress.sent + outcomes.filter((outcome) => outcome === 'sent').length,
      refused: progress.refused + outcomes.filter((outcome) => outcome === 'notAllowed').length,
      failed: progress.failed + outcomes.filter((outcome) => outcome === 'failed').length,
    };
    try {
      await Promise.all([ledger.recordAll(entries), progressStore.save(progress)]);
    } catch (error) {
      log(`[gongjian] ${job}: ${entries.length} reminders sent but not logged: ${String((error as Error)?.message ?? error)}`);
    }
  }
  const done = next >= queue.length;
  if (done && !progress.done) await progressStore.save({ ...progress, cursor: due[due.length - 1]?.key ?? progress.cursor, done: true });
  return { due: due.length, sent, alreadySent: handled.size + (due.length - after.length), notAllowed, failed, waves, done };
}
