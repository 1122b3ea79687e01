import type { PlanSlot } from '../../../src/contract/plans';
import type { AdminScope } from '../../../src/domain/admin/adminScope';
import { managesStreet } from '../../../src/domain/admin/adminScope';
import { planTiming } from '../../../src/domain/admin/workPlans';
import type { PlanSubject } from '../../../src/domain/admin/workPlans';
import type { PairingDocument, StreetDocument, UnitDocument } from '../../db/documents';
import type { WorkPlanDocument } from '../../db/adminDocuments';
import { findAll } from '../../db/ops';
import { findEvery } from '../../db/paginate';
import type { CloudDatabase } from '../../runtime/cloud';
import { fail } from '../../runtime/failure';
import { planView } from './views';

export interface PlanSubjectRef {
  readonly subjectType: PlanSubject;
  readonly subjectId: string;
  readonly subjectName: string;
  readonly streetId: string;
}

/** A unit or a street that writes a plan; undefined when it does not exist. */
export async function subjectOf(db: CloudDatabase, subjectType: PlanSubject, subjectId: string): Promise<PlanSubjectRef> {
  const collection = subjectType === 'unit' ? 'units' : 'streets';
  const [found] = await findAll<UnitDocument | StreetDocument>(db.collection(collection).where({ _id: subjectId }).limit(1));
  if (!found) fail('NOT_FOUND', `${subjectType} ${subjectId}`, { field: 'subjectId', userMessage: subjectType === 'unit' ? '单位不存在' : '街道不存在' });
  return { subjectType, subjectId, subjectName: found.name, streetId: subjectType === 'unit' ? (found as UnitDocument).streetId : found._id };
}

/** The units that owe a plan for the year: those paired that year (the district's and the streets' tables). */
export async function pairedUnits(db: CloudDatabase, year: number): Promise<PlanSubjectRef[]> {
  const pairings = await findEvery<PairingDocument>(db.collection('pairings').where({ year }).orderBy('_id', 'asc').field({ _id: 1, unitId: 1, unitName: 1, unitStreetId: 1 }));
  const units = new Map<string, PlanSubjectRef>();
  for (const pairing of pairings) units.set(pairing.unitId, { subjectType: 'unit', subjectId: pairing.unitId, subjectName: pairing.unitName, streetId: pairing.unitStreetId });
  return [...units.values()].sort((a, b) => (a.subjectName < b.subjectName ? -1 : 1));
}

export async function allStreetSubjects(db: CloudDatabase): Promise<PlanSubjectRef[]> {
  const streets = await findAll<StreetDocument>(db.collection('streets').limit(1000));
  return streets.map((street) => ({ subjectType: 'street', subjectId: street._id, subjectName: street.name, streetId: street._id }));
}

/** Who reviews a subject's plan: the unit's street office (or the district); a street's arrangement, the district. */
export function canReview(scope: AdminScope, subject: Pick<PlanSubjectRef, 'subjectType' | 'streetId'>): boolean {
  return subject.subjectType === 'unit' ? managesStreet(scope, subject.streetId) : scope.district;
}

/** Who writes it: the unit's own people; the street's office. */
export function canWrite(scope: AdminScope, subject: Pick<PlanSubjectRef, 'subjectType' | 'subjectId'>): boolean {
  return subject.subjectType === 'unit' ? scope.unitIds.includes(subject.subjectId) : scope.streetIds.includes(subject.subjectId);
}

export async function plansOf(db: CloudDatabase, year: number, subjectType: PlanSubject): Promise<Map<string, WorkPlanDocument>> {
  const plans = await findEvery<WorkPlanDocument>(db.collection('workPlans').where({ year, subjectType }).orderBy('_id', 'asc'));
  return new Map(plans.map((plan) => [plan.subjectId, plan]));
}

export function slotOf(subject: PlanSubjectRef, plan: WorkPlanDocument | undefined, deadline: string, now: Date): PlanSlot {
  const view = plan ? planView(plan, deadline, now) : null;
  return { ...subject, plan: view, timing: view ? view.timing : planTiming(deadline, null, now) };
}
