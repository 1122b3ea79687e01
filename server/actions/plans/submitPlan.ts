import { submitPlanInput } from '../../../src/contract/plans';
import { planTransition } from '../../../src/domain/admin/workPlans';
import type { PlanHistoryEntry, WorkPlanDocument } from '../../db/adminDocuments';
import type { SubmitChanges } from '../../repositories/plans';
import { planIdOf, plansRepository } from '../../repositories/plans';
import { plansSavingRepository } from '../../repositories/plansSaving';
import type { Caller } from '../../runtime/context';
import { defineAction } from '../../runtime/defineAction';
import { fail } from '../../runtime/failure';
import { deadlineIn } from './deadlineOf';
import { requireWriter } from './planPermissions';
import { subjectMissing } from './planSubjects';
import { toPlanView } from './toPlanView';

/** The submission of `stored`, now, by the caller: its fields and its history entry. */
function submission(stored: WorkPlanDocument, deadline: string, caller: Caller, now: Date): { changes: SubmitChanges; entry: PlanHistoryEntry } {
  const move = planTransition(stored.state, 'submit');
  if (!move.ok) fail('ALREADY_DONE', `plan ${stored._id} not submittable: ${move.reason}`, { userMessage: move.reason });
  return {
    changes: { state: move.next, submittedAt: now, firstSubmittedAt: stored.firstSubmittedAt ?? now, deadlineAtSubmission: stored.deadlineAtSubmission ?? deadline, updatedAt: now },
    entry: { at: now, actorId: caller.personId, actorName: caller.name, event: 'submit', from: stored.state, note: stored.firstSubmittedAt ? '修改后再次提交' : '' },
  };
}

/**
 * plans.submit — send the saved plan to the office; the first submission decides whether it was on time.
 * Three database requests: the caller; the unit or street with its plan and the year's deadline; one
 * conditional write of the submission with its history entry (提交工作方案 in the audit trail), made
 * only if the plan is still as read. When someone changed it meanwhile, it is read again and tried
 * once more, or refused with why.
 */
export const submitPlan = defineAction({
  name: 'plans.submit',
  input: submitPlanInput,
  access: 'person',
  async run({ db, caller, now }, input) {
    const found = await plansSavingRepository(db).context(input.subjectType, input.subjectId, input.year);
    if (!found) subjectMissing(input.subjectType, input.subjectId);
    requireWriter(caller, found.subject);
    const id = planIdOf(input.year, found.subject.subjectType, found.subject.subjectId);
    const plans = plansRepository(db);
    const deadline = deadlineIn(found.settings, input.year);
    let stored = found.existing;
    for (let attempt = 0; attempt < 2; attempt += 1) {
      if (!stored) fail('NOT_FOUND', `plan ${id} not saved yet`, { userMessage: '请先填写并保存方案内容' });
      const { changes, entry } = submission(stored, deadline, caller, now);
      if (await plans.submit(stored, changes, entry)) return { plan: toPlanView({ ...stored, ...changes, history: [...(stored.history ?? []), entry] }, deadline, now) };
      stored = await plans.byId(id);
    }
    return fail('CONFLICT', `plan ${id} changed twice while submitting`, { userMessage: '方案刚被他人修改，请刷新后再提交' });
  },
});
