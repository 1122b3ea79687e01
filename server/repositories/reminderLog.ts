import { Collection } from '../db/collection';
import type { CloudDatabase } from '../runtime/cloud';

export interface ReminderLogEntry {
  readonly _id: string;
  readonly personId: string;
  readonly kind: string;
  readonly sentAt: Date;
}

/** The "never twice" ledger of reminders: a reminder's key is its id. */
export function reminderLogRepository(db: CloudDatabase) {
  const log = new Collection<ReminderLogEntry>(db, 'reminderLog');
  return {
    /** Which of these keys were sent before. */
    async sentBefore(keys: readonly string[]): Promise<Set<string>> {
      if (keys.length === 0) return new Set();
      const found = await log.findEvery<{ _id: string }>({ _id: db.command.in([...keys]) }, { orderBy: [['_id', 'asc']], fields: { _id: 1 } });
      return new Set(found.map((entry) => entry._id));
    },
    async record(entry: ReminderLogEntry): Promise<void> {
      await log.insert(entry);
    },
  };
}
