import { listFeedbackInput } from '../../../src/contract/feedback';
import { policy } from '../../../src/domain/access/policy';
import { feedbackRepository } from '../../repositories/feedback';
import { accessWhere } from '../../runtime/access';
import { defineAction } from '../../runtime/defineAction';
import { officeRoles } from './officeRoles';
import { toFeedbackOfficeView } from './toFeedbackView';

/** feedback.list — the complaints and suggestions an office answers (`office.feedback`: all for the district, its streets' for a street office). */
export const listFeedback = defineAction({
  name: 'feedback.list',
  input: listFeedbackInput,
  access: officeRoles,
  async run({ db, caller }, input) {
    const offset = Number(input.cursor ?? 0);
    const where = accessWhere(db, caller, policy.office.feedback, ...(input.state ? [{ state: input.state }] : []));
    const rows = where === null ? [] : await feedbackRepository(db).page(where, offset, input.limit + 1);
    const items = rows.slice(0, input.limit).map(toFeedbackOfficeView);
    return rows.length > input.limit ? { items, nextCursor: String(offset + input.limit) } : { items };
  },
});
