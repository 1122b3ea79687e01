import { Collection } from '../db/collection';
import type { CloudDatabase } from '../runtime/cloud';

/**
 * Where a long timer job stands today: a job that must stop before its function's timeout saves its
 * cursor here and the next run of its trigger continues after it. One document per job.
 */
export interface JobProgressDocument {
  readonly _id: string;
  /** The China date (YYYY-MM-DD) of the work this progress belongs to. */
  readonly day: string;
  /** The last key handled (keys are handled in ascending order). */
  readonly cursor: string;
  readonly done: boolean;
  readonly runs: number;
  readonly sent: number;
  readonly refused: number;
  readonly failed: number;
  readonly updatedAt: Date;
}

export function jobProgressRepository(db: CloudDatabase) {
  const progress = new Collection<JobProgressDocument>(db, 'jobProgress');
  return {
    of: (job: string): Promise<JobProgressDocument | undefined> => progress.byId(job),
    save: async (document: JobProgressDocument): Promise<void> => {
      const { _id, ...rest } = document;
      await progress.set(_id, rest);
    },
  };
}
