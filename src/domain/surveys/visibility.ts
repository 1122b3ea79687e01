import type { RoundPhase } from './round';
import type { RespondentGroup } from './groups';
import { neverShownAlone } from './groups';

/**
 * Who may see what of a round's results, so that nobody can work out who answered what.
 *  - A group's results (per item) are shown only once the round has closed, and only when the group
 *    has at least N answers (default 3). Live results would let someone who watched a colleague
 *    answer compare the figures before and after.
 *  - The business-owner group is never shown on its own, whatever its size; it counts in the points.
 *  - Below the threshold only the number of answers is shown.
 *  - Comments are shown, without group, identity or time, once the round has closed and the pairing
 *    has at least N answers in all.
 *  - Points are shown once the round has closed.
 * The org's party leader sees the number of answers per group only (to know whether to remind people).
 */
export const MIN_GROUP_SIZE = 3;

export type HiddenReason = 'noResponses' | 'roundOpen' | 'neverAlone' | 'belowThreshold';

export const hiddenReasonLabels: Record<HiddenReason, string> = {
  noResponses: '暂无答卷',
  roundOpen: '评议结束后公布结果',
  neverAlone: '人数很少，结果不单独显示，只计入积分',
  belowThreshold: '答卷不足 {n} 份，只显示份数',
};

export function hiddenReasonText(reason: HiddenReason, threshold: number): string {
  return hiddenReasonLabels[reason].replace('{n}', String(threshold));
}

export type GroupVisibility = { readonly shown: true } | { readonly shown: false; readonly reason: HiddenReason };

export function groupVisibility(group: RespondentGroup, responses: number, phase: RoundPhase, threshold: number = MIN_GROUP_SIZE): GroupVisibility {
  if (responses <= 0) return { shown: false, reason: 'noResponses' };
  if (phase !== 'closed') return { shown: false, reason: 'roundOpen' };
  if (neverShownAlone.includes(group)) return { shown: false, reason: 'neverAlone' };
  if (responses < Math.max(threshold, MIN_GROUP_SIZE)) return { shown: false, reason: 'belowThreshold' };
  return { shown: true };
}

export function commentsVisible(totalResponses: number, phase: RoundPhase, threshold: number = MIN_GROUP_SIZE): boolean {
  return phase === 'closed' && totalResponses >= Math.max(threshold, MIN_GROUP_SIZE);
}

export function pointsVisible(phase: RoundPhase): boolean {
  return phase === 'closed';
}
