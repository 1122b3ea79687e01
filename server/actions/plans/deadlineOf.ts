import { defaultDeadline } from '../../../src/domain/admin/workPlans';
import { plansRepository } from '../../repositories/plans';
import type { CloudDatabase } from '../../runtime/cloud';

/** The year's deadline: set by the district office, else 15 November. */
export async function deadlineOf(db: CloudDatabase, year: number): Promise<string> {
  return (await plansRepository(db).settingsOf(year))?.deadline ?? defaultDeadline(year);
}
