import { Collection } from '../db/collection';
import type { CloudDatabase } from '../runtime/cloud';

/**
 * `sent`: delivered. `refused`: WeChat answered 43101 (the person has not allowed the template):
 * logged too, so the same reminder is not tried again every day; the next period's reminder is new.
 */
export type ReminderOutcome = 'sent' | 'refused';

export interface ReminderLogEntry {
  readonly _id: string;
  readonly personId: string;
  readonly kind: string;
  readonly sentAt: Date;
  /** Missing on entries written before refusals were logged: those were sent. */
  readonly outcome?: ReminderOutcome;
}

/** Keys per `_id in [...]` request: keeps each request small. */
const KEYS_PER_READ = 500;
/** Entries per batch `add`. */
const ENTRIES_PER_WRITE = 100;

/** The "never twice" ledger of reminders: a reminder's key is its id. */
export function reminderLogRepository(db: CloudDatabase) {
  const log = new Collection<ReminderLogEntry>(db, 'reminderLog');
  const isDuplicate = (error: unknown) => /duplicate key|E11000|-502001/i.test(String((error as { errMsg?: unknown })?.errMsg ?? (error as Error)?.message ?? error));
  return {
    /** Which of these keys were handled before (sent or refused), read by `_id` a batch at a time. */
    async sentBefore(keys: readonly string[]): Promise<Set<string>> {
      const found = new Set<string>();
      for (let start = 0; start < keys.length; start += KEYS_PER_READ) {
        const batch = keys.slice(start, start + KEYS_PER_READ);
        const page = await log.find<{ _id: string }>({ _id: db.command.in([...batch]) }, { fields: { _id: 1 }, limit: batch.length });
        for (const entry of page) found.add(entry._id);
      }
      return found;
    },
    async record(entry: ReminderLogEntry): Promise<void> {
      await log.insert(entry);
    },
    /** Logs many entries in few requests; an entry another run logged meanwhile is left as it is. */
    async recordAll(entries: readonly ReminderLogEntry[]): Promise<void> {
      for (let start = 0; start < entries.length; start += ENTRIES_PER_WRITE) {
        const batch = entries.slice(start, start + ENTRIES_PER_WRITE);
        try {
          await log.insert(batch);
        } catch (error) {
          if (!isDuplicate(error)) throw error;
          for (const entry of batch) await log.insert(entry).catch((single: unknown) => (isDuplicate(single) ? undefined : Promise.reject(single)));
        }
      }
    },
  };
}
