import { policy } from '../../../src/domain/access/policy';
import { allows } from '../../runtime/access';
import type { Caller } from '../../runtime/context';
import { fail } from '../../runtime/failure';
import type { PlanSubjectRef } from './planSubjects';

/** Who writes and who reviews a plan: the access policy's `plan.write` and `plan.review`. */
export function mayWritePlan(caller: Caller, subject: Pick<PlanSubjectRef, 'subjectType' | 'subjectId' | 'streetId'>): boolean {
  return allows(caller, policy.plan.write, subject);
}

export function mayReviewPlan(caller: Caller, subject: Pick<PlanSubjectRef, 'subjectType' | 'subjectId' | 'streetId'>): boolean {
  return allows(caller, policy.plan.review, subject);
}

export function requireWriter(caller: Caller, subject: PlanSubjectRef): void {
  if (mayWritePlan(caller, subject)) return;
  fail('FORBIDDEN', `person ${caller.personId} may not write the plan of ${subject.subjectType} ${subject.subjectId}`, {
    userMessage: subject.subjectType === 'unit' ? '只有本单位的人员可以编写本单位的工作方案' : '只有本街道党群共建办可以提交街道的结对工作安排',
  });
}
