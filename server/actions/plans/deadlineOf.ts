import { defaultDeadline } from '../../../src/domain/admin/workPlans';
import type { PlanSettingsDocument } from '../../db/adminDocuments';
import { plansRepository } from '../../repositories/plans';
import type { CloudDatabase } from '../../runtime/cloud';

/** The year's deadline: set by the district office, else 15 November. */
export async function deadlineOf(db: CloudDatabase, year: number): Promise<string> {
  return deadlineIn(await plansRepository(db).settingsOf(year), year);
}

/** The year's deadline from its setting as read (undefined: none set). */
export function deadlineIn(settings: PlanSettingsDocument | undefined, year: number): string {
  return settings?.deadline ?? defaultDeadline(year);
}
