import { policy } from '../../../src/domain/access/policy';
import { allows, subjectOfCaller } from '../../runtime/access';
import type { Caller } from '../../runtime/context';
import { fail } from '../../runtime/failure';
import type { PlanSubjectRef } from './planSubjects';

/**
 * Who writes and who reviews a plan, from the access policy: a unit's plan is written by its people
 * (the policy's subject: the units they work in) and reviewed by the offices managing the unit
 * (`unit.manage`); a street's arrangement is written by that street's office and reviewed by the
 * district office. (Awaiting `policy.plan.write` / `policy.plan.review` rules in the policy.)
 */
export function mayWritePlan(caller: Caller, subject: Pick<PlanSubjectRef, 'subjectType' | 'subjectId'>): boolean {
  const person = subjectOfCaller(caller);
  return subject.subjectType === 'unit' ? person.unitIds.includes(subject.subjectId) : person.streetIds.includes(subject.subjectId);
}

export function mayReviewPlan(caller: Caller, subject: Pick<PlanSubjectRef, 'subjectType' | 'subjectId' | 'streetId'>): boolean {
  return subject.subjectType === 'unit' ? allows(caller, policy.unit.manage, { _id: subject.subjectId, streetId: subject.streetId }) : subjectOfCaller(caller).district;
}

export function requireWriter(caller: Caller, subject: PlanSubjectRef): void {
  if (mayWritePlan(caller, subject)) return;
  fail('FORBIDDEN', `person ${caller.personId} may not write the plan of ${subject.subjectType} ${subject.subjectId}`, {
    userMessage: subject.subjectType === 'unit' ? '只有本单位的人员可以编写本单位的工作方案' : '只有本街道党群共建办可以提交街道的结对工作安排',
  });
}
