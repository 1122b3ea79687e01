import type { PlanSlot } from '../../../src/contract/plans';
import { planTiming } from '../../../src/domain/admin/workPlans';
import type { PlanSubject } from '../../../src/domain/admin/workPlans';
import type { WorkPlanDocument } from '../../db/adminDocuments';
import { streetsRepository } from '../../repositories/adminStreets';
import { pairingsRepository } from '../../repositories/pairings';
import { unitsRepository } from '../../repositories/units';
import type { CloudDatabase } from '../../runtime/cloud';
import { fail } from '../../runtime/failure';
import { toPlanView } from './toPlanView';

/** Who writes a plan: a unit (its 工作方案) or a street (its office's arrangement); `streetId`: the unit's street, or the street. */
export interface PlanSubjectRef {
  readonly subjectType: PlanSubject;
  readonly subjectId: string;
  readonly subjectName: string;
  readonly streetId: string;
}

/** The unit or street an input names; fails when it does not exist. */
export async function subjectOrFail(db: CloudDatabase, subjectType: PlanSubject, subjectId: string): Promise<PlanSubjectRef> {
  if (subjectType === 'unit') {
    const unit = await unitsRepository(db).byId(subjectId);
    if (!unit) subjectMissing(subjectType, subjectId);
    return { subjectType, subjectId, subjectName: unit.name, streetId: unit.streetId };
  }
  const street = await streetsRepository(db).byId(subjectId);
  if (!street) subjectMissing(subjectType, subjectId);
  return { subjectType, subjectId, subjectName: street.name, streetId: street._id };
}

/** The refusal of a plan's unit or street that does not exist. */
export function subjectMissing(subjectType: PlanSubject, subjectId: string): never {
  return fail('NOT_FOUND', `${subjectType} ${subjectId}`, { field: 'subjectId', userMessage: subjectType === 'unit' ? '单位不存在' : '街道不存在' });
}

/** The units that owe a plan for the year: those paired that year (the district's and the streets' tables). */
export async function pairedUnits(db: CloudDatabase, year: number): Promise<PlanSubjectRef[]> {
  const units = new Map<string, PlanSubjectRef>();
  for (const pairing of await pairingsRepository(db).unitsPairedIn(year)) units.set(pairing.unitId, { subjectType: 'unit', subjectId: pairing.unitId, subjectName: pairing.unitName, streetId: pairing.unitStreetId });
  return [...units.values()].sort((a, b) => (a.subjectName < b.subjectName ? -1 : 1));
}

export async function allStreetSubjects(db: CloudDatabase): Promise<PlanSubjectRef[]> {
  return (await streetsRepository(db).all()).map((street) => ({ subjectType: 'street', subjectId: street._id, subjectName: street.name, streetId: street._id }));
}

export function slotOf(subject: PlanSubjectRef, plan: WorkPlanDocument | undefined, deadline: string, now: Date): PlanSlot {
  const view = plan ? toPlanView(plan, deadline, now) : null;
  return { ...subject, plan: view, timing: view ? view.timing : planTiming(deadline, null, now) };
}
