import { defaultDeadline } from '../../../src/domain/admin/workPlans';
import type { PlanSettingsDocument } from '../../db/adminDocuments';
import { getById } from '../../db/ops';
import type { CloudDatabase } from '../../runtime/cloud';

/** The year's deadline: set by the district office, else 15 November. */
export async function deadlineOf(db: CloudDatabase, year: number): Promise<string> {
  const settings = await getById<PlanSettingsDocument>(db.collection('planSettings'), `deadline-${year}`);
  return settings?.deadline ?? defaultDeadline(year);
}
