import type { RoundPhase } from '../domain/surveys/round';
import { roundPhaseLabels } from '../domain/surveys/round';
import type { GroupCounts } from '../contract/surveys';
import { respondentGroupIds, respondentGroups } from '../domain/surveys/groups';

export function phaseLabel(phase: RoundPhase): string {
  return roundPhaseLabels[phase];
}

/** `党群组织代表 2 · 员工代表 3 · 企业主 1` */
export function countsLine(responses: GroupCounts): string {
  return respondentGroupIds.map((group) => `${respondentGroups[group]} ${responses[group]}`).join(' · ');
}

/** `8.8 分` or a reason there are none yet. */
export function pointsLabel(points: number | null, phase: RoundPhase): string {
  if (points !== null) return `${points} 分`;
  return phase === 'closed' ? '无答卷，不计分' : '评议结束后计算';
}
