import { setDeadlineInput } from '../../../src/contract/plans';
import { inTransaction } from '../../db/transaction';
import { auditEntry, recordAudit } from '../../repositories/auditLog';
import { plansRepository } from '../../repositories/plans';
import { defineAction } from '../../runtime/defineAction';
import { fail } from '../../runtime/failure';
import { deadlineOf } from './deadlineOf';

/** plans.setDeadline — the district office sets the year's deadline (the notice's default: 15 November). */
export const setDeadline = defineAction({
  name: 'plans.setDeadline',
  input: setDeadlineInput,
  access: ['districtOffice'],
  async run({ db, caller, now }, input) {
    if (!input.deadline.startsWith(`${input.year}-`) && !input.deadline.startsWith(`${input.year - 1}-`)) {
      fail('INVALID_INPUT', `deadline ${input.deadline} for ${input.year}`, { field: 'deadline', userMessage: `截止日期须在 ${input.year - 1} 或 ${input.year} 年内` });
    }
    const before = await deadlineOf(db, input.year);
    await inTransaction(db, async (tx) => {
      const settings = await plansRepository(db).inTx(tx).setDeadline(input.year, { deadline: input.deadline, setBy: caller.personId, setAt: now });
      await recordAudit(
        tx,
        auditEntry(caller, now, {
          action: 'deadline.set',
          subjectType: 'deadline',
          subjectId: settings._id,
          subjectName: `${input.year} 年度工作方案截止日期`,
          unitId: null,
          orgId: null,
          personId: null,
          streetIds: [],
          changes: [{ field: '截止日期', before, after: input.deadline }],
          note: '',
        }),
      );
    });
    return { year: input.year, deadline: input.deadline };
  },
});
