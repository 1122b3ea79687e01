import type { Choice, SurveyForm } from './form';
import { choiceIds } from './form';
import type { RespondentGroup } from './groups';
import { respondentGroupIds } from './groups';
import type { TallyCounts } from './tally';
import { itemCountsOf } from './tally';

/**
 * Turning a round's results into evaluation points (评议积分) for the points table (附件3).
 *
 *   value of a choice        满意 = 1, 基本满意 = 0.6, 不满意 = 0
 *   score of a group  s_g    = Σ over its answers and items of the value ÷ (number of values), 0…1
 *   points                   = maxPoints × Σ w_g·s_g ÷ Σ w_g, summing over groups with at least one answer
 *
 * Default weights: 党群组织代表 40, 员工代表 40, 企业主 20; default maxPoints 10 per round (年中 + 年终 = 20).
 * A group nobody answered in leaves the sum and the others' weights are rescaled; a round nobody
 * answered gives no points (null), not zero. Points are rounded to two decimals.
 * Every group counts, whatever its size; how many answers are needed to *show* a group's results is a
 * separate rule (visibility.ts).
 */
export type GroupWeights = Readonly<Record<RespondentGroup, number>>;

export const DEFAULT_WEIGHTS: GroupWeights = { partyMass: 40, employees: 40, owner: 20 };
export const CHOICE_VALUES: Readonly<Record<Choice, number>> = { satisfied: 1, basic: 0.6, dissatisfied: 0 };
export const DEFAULT_MAX_POINTS = 10;
export const MAX_WEIGHT = 100;

export interface GroupTally {
  readonly group: RespondentGroup;
  readonly responses: number;
  readonly counts: TallyCounts;
}

/** Mean value of a group's answers over the form's items, 0…1; null when nobody answered. */
export function groupScore(form: SurveyForm, tally: Pick<GroupTally, 'responses' | 'counts'>): number | null {
  if (tally.responses <= 0) return null;
  let total = 0;
  let values = 0;
  for (const item of form.items) {
    const counts = itemCountsOf(tally.counts, item.id);
    for (const choice of choiceIds) {
      total += counts[choice] * CHOICE_VALUES[choice];
      values += counts[choice];
    }
  }
  return values === 0 ? null : total / values;
}

/** Share of each choice for one item, in whole percent (for charts). */
export function itemScore(counts: Readonly<Record<Choice, number>>): number | null {
  const values = choiceIds.reduce((sum, choice) => sum + counts[choice], 0);
  if (values === 0) return null;
  return choiceIds.reduce((sum, choice) => sum + counts[choice] * CHOICE_VALUES[choice], 0) / values;
}

export interface PointsBreakdown {
  readonly points: number | null;
  readonly maxPoints: number;
  readonly groups: ReadonlyArray<{ readonly group: RespondentGroup; readonly responses: number; readonly weight: number; readonly counted: boolean }>;
}

export function evaluationPoints(form: SurveyForm, tallies: readonly GroupTally[], weights: GroupWeights = DEFAULT_WEIGHTS, maxPoints = DEFAULT_MAX_POINTS): PointsBreakdown {
  let weighted = 0;
  let weightSum = 0;
  const groups = respondentGroupIds.map((group) => {
    const tally = tallies.find((candidate) => candidate.group === group);
    const responses = tally?.responses ?? 0;
    const score = tally ? groupScore(form, tally) : null;
    const weight = weights[group];
    const counted = score !== null && weight > 0;
    if (counted) {
      weighted += weight * score;
      weightSum += weight;
    }
    return { group, responses, weight, counted };
  });
  const points = weightSum === 0 ? null : Math.round((maxPoints * weighted * 100) / weightSum) / 100;
  return { points, maxPoints, groups };
}

/** Why weights cannot be used (Chinese), or undefined. */
export function weightsProblem(weights: GroupWeights): string | undefined {
  for (const group of respondentGroupIds) {
    const weight = weights[group];
    if (!Number.isInteger(weight) || weight < 0 || weight > MAX_WEIGHT) return `权重应为 0 到 ${MAX_WEIGHT} 的整数`;
  }
  return respondentGroupIds.some((group) => weights[group] > 0) ? undefined : '至少要有一个分组的权重大于 0';
}
