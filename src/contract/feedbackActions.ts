import type { answerFeedbackInput, feedbackRefInput, FeedbackOfficeView, FeedbackView, followUpInput, listFeedbackInput, mineFeedbackInput, MineFeedbackView, sendFeedbackInput } from './feedback';
import type { Io } from './io';

/** Cloud function `feedback`: 投诉建议 — send, read answers, follow up; offices list and answer. */
export interface FeedbackActionMap {
  'feedback.send': Io<typeof sendFeedbackInput, { feedback: FeedbackView }>;
  'feedback.mine': Io<typeof mineFeedbackInput, MineFeedbackView>;
  'feedback.followUp': Io<typeof followUpInput, { feedback: FeedbackView }>;
  'feedback.close': Io<typeof feedbackRefInput, { feedback: FeedbackView }>;
  'feedback.list': Io<typeof listFeedbackInput, { items: readonly FeedbackOfficeView[]; nextCursor?: string }>;
  'feedback.answer': Io<typeof answerFeedbackInput, { feedback: FeedbackOfficeView; notified: boolean }>;
}
