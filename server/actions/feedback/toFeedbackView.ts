import type { FeedbackOfficeView, FeedbackView } from '../../../src/contract/feedback';
import type { FeedbackDocument } from '../../db/adminDocuments';

const iso = (value: Date | string) => new Date(value).toISOString();

/** What the sender sees: their words and the offices' answers (never who in the office answered). */
export function toFeedbackView(feedback: FeedbackDocument): FeedbackView {
  return {
    id: feedback._id,
    category: feedback.category,
    state: feedback.state,
    anonymous: feedback.anonymous,
    createdAt: iso(feedback.createdAt),
    messages: feedback.messages.map((message) => ({ from: message.from, text: message.text, at: iso(message.at), ...(message.officeName ? { officeName: message.officeName } : {}) })),
  };
}

/** What an office sees: the sender's name and contact only when they did not ask to stay anonymous. */
export function toFeedbackOfficeView(feedback: FeedbackDocument): FeedbackOfficeView {
  return {
    ...toFeedbackView(feedback),
    senderName: feedback.anonymous ? null : feedback.senderName,
    contact: feedback.anonymous ? null : feedback.contact,
    page: feedback.page,
  };
}
