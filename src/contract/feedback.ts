import { z } from 'zod';
import type { FeedbackAuthor, FeedbackCategory, FeedbackState } from '../domain/admin/feedback';
import { feedbackCategories, feedbackStates } from '../domain/admin/feedback';
import { idField, optionalTextField, textField } from './fields';

/** 投诉建议 (国办函〔2026〕12号): anyone signed in sends; offices answer; the sender is told. */

/** feedback.send — a complaint or suggestion; `anonymous` hides the sender from the offices. */
export const sendFeedbackInput = z.object({
  category: z.enum(feedbackCategories, { error: '请选择投诉或建议' }),
  content: textField('内容', 1000),
  /** How to reach the sender besides the app (optional). */
  contact: optionalTextField('联系方式', 40),
  anonymous: z.boolean().default(false),
  /** The page it was sent from, for context. */
  page: z.string().max(120).optional(),
});
export const mineFeedbackInput = z.object({}).strict();
export const feedbackRefInput = z.object({ feedbackId: idField });
export const followUpInput = z.object({ feedbackId: idField, text: textField('补充内容', 1000) });
export const listFeedbackInput = z.object({ state: z.enum(feedbackStates).optional(), cursor: z.string().regex(/^\d{1,6}$/).optional(), limit: z.number().int().min(1).max(50).default(20) });
export const answerFeedbackInput = z.object({ feedbackId: idField, text: textField('答复', 1000) });

export interface FeedbackMessageView {
  readonly from: FeedbackAuthor;
  readonly text: string;
  readonly at: string;
  /** The office that answered (never a person's name). */
  readonly officeName?: string;
}

export interface FeedbackView {
  readonly id: string;
  readonly category: FeedbackCategory;
  readonly state: FeedbackState;
  readonly anonymous: boolean;
  readonly createdAt: string;
  readonly messages: readonly FeedbackMessageView[];
}

export interface FeedbackOfficeView extends FeedbackView {
  /** null when the sender chose to stay anonymous. */
  readonly senderName: string | null;
  readonly contact: string | null;
  readonly page: string | null;
}

export interface MineFeedbackView {
  readonly items: readonly FeedbackView[];
  /** The 投诉建议答复通知 template to ask for in weapp before sending. */
  readonly replyTemplateId: string;
}
