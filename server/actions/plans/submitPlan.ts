import { submitPlanInput } from '../../../src/contract/plans';
import { planTransition } from '../../../src/domain/admin/workPlans';
import type { WorkPlanDocument } from '../../db/adminDocuments';
import { inTransaction, TxRefusal } from '../../db/transaction';
import { auditEntry, recordAudit } from '../../repositories/auditLog';
import type { SubmitChanges } from '../../repositories/plans';
import { planIdOf, plansRepository } from '../../repositories/plans';
import { defineAction } from '../../runtime/defineAction';
import { fail } from '../../runtime/failure';
import { deadlineOf } from './deadlineOf';
import { requireWriter } from './planPermissions';
import { subjectOrFail } from './planSubjects';
import { toPlanView } from './toPlanView';

/** plans.submit — send the saved plan to the office; the first submission decides whether it was on time. */
export const submitPlan = defineAction({
  name: 'plans.submit',
  input: submitPlanInput,
  access: 'person',
  async run({ db, caller, now }, input) {
    const subject = await subjectOrFail(db, input.subjectType, input.subjectId);
    requireWriter(caller, subject);
    const plans = plansRepository(db);
    const id = planIdOf(input.year, subject.subjectType, subject.subjectId);
    const existing = await plans.byId(id);
    if (!existing) fail('NOT_FOUND', `plan ${id} not saved yet`, { userMessage: '请先填写并保存方案内容' });
    const deadline = await deadlineOf(db, input.year);
    let submitted: WorkPlanDocument | undefined;
    try {
      await inTransaction(db, async (tx) => {
        const stored = await plans.inTx(tx).get(id);
        const move = planTransition(stored.state, 'submit');
        if (!move.ok) throw new TxRefusal(move.reason);
        const changes: SubmitChanges = { state: move.next, submittedAt: now, firstSubmittedAt: stored.firstSubmittedAt ?? now, deadlineAtSubmission: stored.deadlineAtSubmission ?? deadline, updatedAt: now };
        await plans.inTx(tx).submit(id, changes);
        await recordAudit(
          tx,
          auditEntry(caller, now, {
            action: 'plan.submit',
            subjectType: 'plan',
            subjectId: id,
            subjectName: `${subject.subjectName} ${input.year} 年度方案`,
            unitId: subject.subjectType === 'unit' ? subject.subjectId : null,
            orgId: null,
            personId: null,
            streetIds: [subject.streetId],
            changes: [{ field: '状态', before: stored.state, after: 'submitted' }],
            note: stored.firstSubmittedAt ? '修改后再次提交' : '',
          }),
        );
        submitted = { ...stored, ...changes };
      });
    } catch (error) {
      if (error instanceof TxRefusal) fail('ALREADY_DONE', `plan ${id} not submittable: ${error.reason}`, { userMessage: error.reason });
      throw error;
    }
    return { plan: toPlanView(submitted!, deadline, now) };
  },
});
