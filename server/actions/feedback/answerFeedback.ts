import { answerFeedbackInput } from '../../../src/contract/feedback';
import { policy } from '../../../src/domain/access/policy';
import { feedbackCategoryLabels } from '../../../src/domain/admin/feedback';
import { fitText } from '../../../src/domain/text/fit';
import { chinaDateString } from '../../../src/domain/time/chinaTime';
import { sendMessage } from '../../messaging/send';
import { templates } from '../../messaging/templates';
import { streetsRepository } from '../../repositories/adminStreets';
import { auditEntry, recordAudit } from '../../repositories/auditLog';
import { feedbackRepository } from '../../repositories/feedback';
import { allows, subjectOfCaller } from '../../runtime/access';
import type { CloudDatabase } from '../../runtime/cloud';
import type { Caller } from '../../runtime/context';
import { defineAction } from '../../runtime/defineAction';
import { fail } from '../../runtime/failure';
import { moveFeedback } from './moveFeedback';
import { officeRoles } from './officeRoles';
import { toFeedbackOfficeView } from './toFeedbackView';

/** The office an answer is signed with: the district office, or the caller's street office the item reached. */
async function answeringOffice(db: CloudDatabase, caller: Caller, streetIds: readonly string[]): Promise<string> {
  const office = subjectOfCaller(caller);
  if (office.district) return '区委党群共建办';
  const streetId = streetIds.find((id) => office.streetIds.includes(id));
  const street = streetId ? await streetsRepository(db).byId(streetId) : undefined;
  return `${street?.name ?? ''}党群共建办`;
}

/** feedback.answer — an office answers in its own name (never a person's); the sender is notified. */
export const answerFeedback = defineAction({
  name: 'feedback.answer',
  input: answerFeedbackInput,
  access: officeRoles,
  async run({ db, cloud, caller, now }, input) {
    const found = await feedbackRepository(db).byId(input.feedbackId);
    if (!found || !allows(caller, policy.office.feedback, found)) fail('NOT_FOUND', `feedback ${input.feedbackId} not for ${caller.personId}`, { userMessage: '找不到这条投诉建议' });
    const officeName = await answeringOffice(db, caller, found.streetIds);
    const answered = await moveFeedback(db, found._id, 'answer', { from: 'office', text: input.text, at: now, officeName, byId: caller.personId }, now, async (tx) => {
      await recordAudit(
        tx,
        auditEntry(caller, now, {
          action: 'feedback.answer',
          subjectType: 'feedback',
          subjectId: found._id,
          subjectName: `${feedbackCategoryLabels[found.category]}（${chinaDateString(found.createdAt)}）`,
          unitId: null,
          orgId: null,
          personId: null,
          streetIds: found.streetIds,
          changes: [],
          note: fitText(input.text, 60),
        }),
      );
    });
    const outcome = await sendMessage(cloud, templates.feedbackReply, {
      to: found.senderOpenid,
      query: { id: found._id },
      values: { thing1: `您的${feedbackCategoryLabels[found.category]}已答复`, thing2: input.text, date3: chinaDateString(now) },
    });
    return { feedback: toFeedbackOfficeView(answered), notified: outcome === 'sent' };
  },
});
