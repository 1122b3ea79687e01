/**
 * 投诉建议 (required of government apps by 国办函〔2026〕12号): anyone signed in sends one; an office
 * answers; the sender reads the answer (and is notified), may add to it, or close it.
 */
export const feedbackCategories = ['complaint', 'suggestion'] as const;
export type FeedbackCategory = (typeof feedbackCategories)[number];
export const feedbackStates = ['pending', 'answered', 'closed'] as const;
export type FeedbackState = (typeof feedbackStates)[number];
/** Who wrote a message of the exchange: the sender, or an office in its own name. */
export type FeedbackAuthor = 'sender' | 'office';
export type FeedbackEvent = 'answer' | 'followUp' | 'close';

export const feedbackCategoryLabels: Readonly<Record<FeedbackCategory, string>> = {
  complaint: '投诉',
  suggestion: '建议',
};

export const feedbackStateLabels: Readonly<Record<FeedbackState, string>> = {
  pending: '待答复',
  answered: '已答复',
  closed: '已办结',
};

export type FeedbackTransition = { readonly ok: true; readonly next: FeedbackState } | { readonly ok: false; readonly reason: string };

export function feedbackTransition(state: FeedbackState, event: FeedbackEvent): FeedbackTransition {
  if (state === 'closed') return { ok: false, reason: '该事项已办结' };
  switch (event) {
    case 'answer':
      return { ok: true, next: 'answered' };
    case 'followUp':
      return state === 'answered' ? { ok: true, next: 'pending' } : { ok: false, reason: '请等待答复后再补充' };
    case 'close':
      return { ok: true, next: 'closed' };
  }
}

/**
 * A transition as one conditional write: the states `event` moves an item from, and the state it
 * moves to (the same from each of them, so the database can check the state and write it at once).
 */
export function feedbackMove(event: FeedbackEvent): { readonly from: readonly FeedbackState[]; readonly to: FeedbackState } {
  const from: FeedbackState[] = [];
  const to = new Set<FeedbackState>();
  for (const state of feedbackStates) {
    const move = feedbackTransition(state, event);
    if (!move.ok) continue;
    from.push(state);
    to.add(move.next);
  }
  if (to.size !== 1) throw new Error(`feedback ${event} moves to ${to.size} states`);
  return { from, to: [...to][0]! };
}

/** The longest message, either way. */
export const FEEDBACK_MAX_CHARS = 1000;
