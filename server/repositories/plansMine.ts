import type { PlanSubject } from '../../src/domain/admin/workPlans';
import type { PlanSettingsDocument, WorkPlanDocument } from '../db/adminDocuments';
import { aggregateAll, Collection } from '../db/collection';
import type { CloudDatabase } from '../runtime/cloud';
import { planIdOf, planSettingsIdOf, plansRepository } from './plans';

/** A unit or street that writes a plan, with its plan of the year (if any) and the year's deadline setting (if set). */
export interface SubjectWithPlan {
  readonly subjectType: PlanSubject;
  readonly subjectId: string;
  readonly name: string;
  /** The unit's street, or the street itself. */
  readonly streetId: string;
  readonly plan: WorkPlanDocument | undefined;
}

export interface SubjectsWithPlans {
  readonly subjects: readonly SubjectWithPlan[];
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
 * plans.mine's reads: the caller's units (or streets) joined with their plan of the year and the year's
 * deadline setting in one aggregate per subject type, each join an equality on `_id`. The settings are
 * read alone only when no subject came back.
 */
export function plansMineRepository(db: CloudDatabase) {
  const $ = db.command.aggregate;
  const subjectsOf = async (subjectType: PlanSubject, ids: readonly string[], year: number): Promise<{ subjects: SubjectWithPlan[]; settings: PlanSettingsDocument[] }> => {
    if (ids.length === 0) return { subjects: [], settings: [] };
    const collection = subjectType === 'unit' ? new Collection<{ _id: string }>(db, 'units') : new Collection<{ _id: string }>(db, 'streets');
    const rows = await aggregateAll<Joined>(
      collection
        .aggregate()
        .match({ _id: db.command.in([...ids]) })
        .project({ _id: 1, name: 1, streetId: 1 })
        .addFields({ planId: $.concat([$.literal(planIdOf(year, subjectType, '')), '$_id']), settingsId: $.literal(planSettingsIdOf(year)) })
        .lookup({ from: 'workPlans', localField: 'planId', foreignField: '_id', as: 'plan' })
        .lookup({ from: 'planSettings', localField: 'settingsId', foreignField: '_id', as: 'settings' })
        .limit(ids.length),
    );
    return {
      subjects: rows.map((row) => ({ subjectType, subjectId: row._id, name: row.name, streetId: subjectType === 'unit' ? (row.streetId ?? '') : row._id, plan: row.plan[0] })),
      settings: rows.flatMap((row) => row.settings),
    };
  };
  return {
    /** These units' and streets' plans of the year and the year's deadline setting: one request per subject type asked for. */
    async ofSubjects(unitIds: readonly string[], streetIds: readonly string[], year: number): Promise<SubjectsWithPlans> {
      const [units, streets] = await Promise.all([subjectsOf('unit', unitIds, year), subjectsOf('street', streetIds, year)]);
      const subjects = [...units.subjects, ...streets.subjects];
      const settings = subjects.length > 0 ? [...units.settings, ...streets.settings][0] : await plansRepository(db).settingsOf(year);
      return { subjects, settings };
    },
  };
}
