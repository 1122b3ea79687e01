import { answerFeedbackInput, listFeedbackInput } from '../../../src/contract/feedback';
import { adminScopeOf } from '../../../src/domain/admin/adminScope';
import { feedbackCategoryLabels } from '../../../src/domain/admin/feedback';
import { fitText } from '../../../src/domain/text/fit';
import { chinaDateString } from '../../../src/domain/time/chinaTime';
import type { FeedbackDocument } from '../../db/adminDocuments';
import type { StreetDocument } from '../../db/documents';
import { findAll, getById } from '../../db/ops';
import { defineAction } from '../../runtime/defineAction';
import { fail } from '../../runtime/failure';
import { auditEntry } from '../admin/auditLog';
import { moveFeedback } from './sender';
import { feedbackReplyTemplate, miniprogramState } from './templates';
import { feedbackOfficeView } from './views';

const officeRoles = ['streetOffice', 'districtOffice'] as const;

/** feedback.list — the complaints and suggestions an office answers: all for the district, its streets' for a street office. */
export const listFeedback = defineAction({
  name: 'feedback.list',
  input: listFeedbackInput,
  access: officeRoles,
  async run({ db, caller }, input) {
    const scope = adminScopeOf(caller.grants);
    const _ = db.command;
    const offset = Number(input.cursor ?? 0);
    const conditions = [...(scope.district ? [] : [{ streetIds: _.in([...scope.streetIds]) }]), ...(input.state ? [{ state: input.state }] : [])];
    const where = conditions.length === 0 ? {} : conditions.length === 1 ? conditions[0]! : _.and(conditions);
    const rows = await findAll<FeedbackDocument>(db.collection('feedback').where(where).orderBy('createdAt', 'desc').skip(offset).limit(input.limit + 1));
    const items = rows.slice(0, input.limit).map(feedbackOfficeView);
    return rows.length > input.limit ? { items, nextCursor: String(offset + input.limit) } : { items };
  },
});

/** feedback.answer — an office answers in its own name (never a person's); the sender is notified. */
export const answerFeedback = defineAction({
  name: 'feedback.answer',
  input: answerFeedbackInput,
  access: officeRoles,
  async run({ db, cloud, caller, now }, input) {
    const scope = adminScopeOf(caller.grants);
    const feedback = await getById<FeedbackDocument>(db.collection('feedback'), input.feedbackId);
    const answeringStreet = feedback && !scope.district ? feedback.streetIds.find((streetId) => scope.streetIds.includes(streetId)) : undefined;
    if (!feedback || (!scope.district && !answeringStreet)) fail('NOT_FOUND', `feedback ${input.feedbackId} not for ${caller.personId}`, { userMessage: '找不到这条投诉建议' });
    const street = answeringStreet ? await getById<StreetDocument>(db.collection('streets'), answeringStreet) : undefined;
    const officeName = scope.district ? '区委党群共建办' : `${street?.name ?? ''}党群共建办`;
    const answered = await moveFeedback(db, feedback._id, 'answer', { from: 'office', text: input.text, at: now, officeName, byId: caller.personId }, now, async (tx) => {
      await tx.collection('auditTrail').add({
        data: auditEntry(caller, now, {
          action: 'feedback.answer',
          subjectType: 'feedback',
          subjectId: feedback._id,
          subjectName: `${feedbackCategoryLabels[feedback.category]}（${chinaDateString(feedback.createdAt)}）`,
          unitId: null,
          orgId: null,
          personId: null,
          streetIds: feedback.streetIds,
          changes: [],
          note: fitText(input.text, 60),
        }),
      });
    });
    let notified = false;
    try {
      await cloud.openapi.subscribeMessage.send({
        touser: feedback.senderOpenid,
        templateId: feedbackReplyTemplate.id,
        page: `${feedbackReplyTemplate.page}?id=${feedback._id}`,
        miniprogramState,
        lang: 'zh_CN',
        data: {
          thing1: { value: fitText(`您的${feedbackCategoryLabels[feedback.category]}已答复`, 20) },
          thing2: { value: fitText(input.text, 20) },
          date3: { value: chinaDateString(now) },
        },
      });
      notified = true;
    } catch (error) {
      if ((error as { errCode?: number }).errCode !== 43101) console.warn('[gongjian] feedback reply message failed', error);
    }
    return { feedback: feedbackOfficeView(answered), notified };
  },
});

