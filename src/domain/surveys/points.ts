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
 * answered gives no points (null), not zero.
 * Points are exact until the end and rounded half-up to two decimals once: choice values are whole
 * hundredths (100, 60, 0) and the formula is evaluated as one fraction of integers, so
 * 10 × (40 × 0.775 + 40 × 0.75) ÷ 80 = 7.625 gives 7.63 (floating-point sums gave 7.62).
 * Every group counts, whatever its size; how many answers are needed to *show* a group's results is a
 * separate rule (visibility.ts).
 */
export type GroupWeights = Readonly<Record<RespondentGroup, number>>;

export const DEFAULT_WEIGHTS: GroupWeights = { partyMass: 40, employees: 40, owner: 20 };
/** Choice values in hundredths, the exact form the formula computes with. */
export const CHOICE_HUNDREDTHS: Readonly<Record<Choice, number>> = { satisfied: 100, basic: 60, dissatisfied: 0 };
export const CHOICE_VALUES: Readonly<Record<Choice, number>> = { satisfied: 1, basic: 0.6, dissatisfied: 0 };
export const DEFAULT_MAX_POINTS = 10;
export const MAX_WEIGHT = 100;

export interface GroupTally {
  readonly group: RespondentGroup;
  readonly responses: number;
  readonly counts: TallyCounts;
}

/** A group's answers as whole numbers: the sum of their values in hundredths, and how many values. */
function groupSums(form: SurveyForm, tally: Pick<GroupTally, 'responses' | 'counts'>): { hundredths: number; values: number } | null {
  if (tally.responses <= 0) return null;
  let hundredths = 0;
  let values = 0;
  for (const item of form.items) {
    const counts = itemCountsOf(tally.counts, item.id);
    for (const choice of choiceIds) {
      hundredths += counts[choice] * CHOICE_HUNDREDTHS[choice];
      values += counts[choice];
    }
  }
  return values === 0 ? null : { hundredths, values };
}

/** Mean value of a group's answers over the form's items, 0…1 (for showing); null when nobody answered. */
export function groupScore(form: SurveyForm, tally: Pick<GroupTally, 'responses' | 'counts'>): number | null {
  const sums = groupSums(form, tally);
  return sums === null ? null : sums.hundredths / (100 * sums.values);
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
  // Σ w_g·s_g as one exact fraction: s_g = hundredths_g ÷ (100 · values_g), summed over a common denominator.
  let numerator = 0n;
  let denominator = 1n;
  let weightSum = 0;
  const groups = respondentGroupIds.map((group) => {
    const tally = tallies.find((candidate) => candidate.group === group);
    const responses = tally?.responses ?? 0;
    const sums = tally ? groupSums(form, tally) : null;
    const weight = weights[group];
    const counted = sums !== null && weight > 0;
    if (counted) {
      const values = BigInt(sums.values);
      numerator = numerator * values + BigInt(weight) * BigInt(sums.hundredths) * denominator;
      denominator *= values;
      weightSum += weight;
    }
    return { group, responses, weight, counted };
  });
  if (weightSum === 0) return { points: null, maxPoints, groups };
  // points in hundredths = maxPoints × Σ w_g·s_g ÷ Σ w_g × 100 = maxHundredths × numerator ÷ (100 · denominator · Σ w_g)
  const maxHundredths = BigInt(Math.round(maxPoints * 100));
  const points = roundHalfUp(maxHundredths * numerator, 100n * denominator * BigInt(weightSum));
  return { points: Number(points) / 100, maxPoints, groups };
}

/**
 * One unit's evaluation points when several results count for the same round kind (a change of partner
 * mid-year, or a district and a street round): the mean of those results, each already to two decimals,
 * computed in whole hundredths and rounded half-up once. Null when there are none.
 */
export function meanPoints(results: readonly number[]): number | null {
  if (results.length === 0) return null;
  const hundredths = results.reduce((sum, value) => sum + BigInt(Math.round(value * 100)), 0n);
  return Number(roundHalfUp(hundredths, BigInt(results.length))) / 100;
}

/** numerator ÷ denominator to the nearest whole number, halves up (both non-negative). */
function roundHalfUp(numerator: bigint, denominator: bigint): bigint {
  return (2n * numerator + denominator) / (2n * denominator);
}

/** Why weights cannot be used (Chinese), or undefined. */
export function weightsProblem(weights: GroupWeights): string | undefined {
  for (const group of respondentGroupIds) {
    const weight = weights[group];
    if (!Number.isInteger(weight) || weight < 0 || weight > MAX_WEIGHT) return `权重应为 0 到 ${MAX_WEIGHT} 的整数`;
  }
  return respondentGroupIds.some((group) => weights[group] > 0) ? undefined : '至少要有一个分组的权重大于 0';
}
