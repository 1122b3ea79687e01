import { runReminders } from '../../server/jobs/reminders';
import { createTimerFunction } from '../../server/runtime/createTimerFunction';

/** Cloud function `reminders`: daily at 09:00 China time (config.json), never twice the same reminder. */
export const main = createTimerFunction(runReminders);
