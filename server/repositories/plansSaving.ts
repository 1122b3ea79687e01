import type { PlanSubject } from '../../src/domain/admin/workPlans';
import type { PlanSettingsDocument, WorkPlanDocument } from '../db/adminDocuments';
import { aggregateAll, Collection } from '../db/collection';
import type { CloudDatabase } from '../runtime/cloud';
import { planIdOf, planSettingsIdOf } from './plans';

/**
 * What plans.save and plans.submit need before they write: the unit or street, its plan of the year,
 * the year's deadline setting. (A plan's files are uploaded into its own folder, so nothing else can
 * hold them: src/contract/uploads.ts.)
 */
export interface PlanSavingContext {
  readonly subject: { readonly subjectType: PlanSubject; readonly subjectId: string; readonly subjectName: string; readonly streetId: string };
  readonly existing: WorkPlanDocument | undefined;
  /** The deadline the district office set for the year; undefined when it set none. */
  readonly settings: PlanSettingsDocument | undefined;
}

interface Joined {
  readonly _id: string;
  readonly name: string;
  readonly streetId?: string;
  readonly plan: WorkPlanDocument[];
  readonly settings: PlanSettingsDocument[];
}

/**
 * Reads what a plan's save or submission needs in one request: the unit (or street) by id, joined by
 * id with its plan of the year and the year's deadline setting (ids joined as literals). Undefined
 * when the unit or street does not exist.
 */
export function plansSavingRepository(db: CloudDatabase) {
  const literal = (value: string) => db.command.aggregate.literal(value);
  return {
    async context(subjectType: PlanSubject, subjectId: string, year: number): Promise<PlanSavingContext | undefined> {
      const subjects = subjectType === 'unit' ? new Collection<{ _id: string }>(db, 'units') : new Collection<{ _id: string }>(db, 'streets');
      const chain = subjects
        .aggregate()
        .match({ _id: subjectId })
        .limit(1)
        .project({ _id: 1, name: 1, streetId: 1 })
        .addFields({ planId: literal(planIdOf(year, subjectType, subjectId)), settingsId: literal(planSettingsIdOf(year)) })
        .lookup({ from: 'workPlans', localField: 'planId', foreignField: '_id', as: 'plan' })
        .lookup({ from: 'planSettings', localField: 'settingsId', foreignField: '_id', as: 'settings' });
      const [found] = await aggregateAll<Joined>(chain);
      if (!found) return undefined;
      return {
        subject: { subjectType, subjectId: found._id, subjectName: found.name, streetId: subjectType === 'unit' ? (found.streetId ?? '') : found._id },
        existing: found.plan[0],
        settings: found.settings[0],
      };
    },
  };
}
