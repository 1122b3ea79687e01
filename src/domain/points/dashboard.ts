import type { ContentArea } from '../records/catalog';
import { contentAreaIds, contentAreas } from '../records/catalog';
import { areaPointsShown, areaShares } from './areas';
import type { UnitPoints } from './engine';
import type { EvaluationRound } from './rules';
import { evaluationRoundLabels, round2 } from './rules';

/**
 * The office dashboard's figures, from units' computed points (already limited to the office's scope):
 * cadence completion by month, points by content area, evaluation results. Units are counted,
 * never people.
 */
export interface MonthCompletion {
  readonly month: number;
  /** Units whose pairing term covers the month and whose month has ended or is running. */
  readonly required: number;
  readonly done: number;
  readonly late: number;
  readonly pending: number;
  readonly missing: number;
  /** (done + late) / required, 0–1; null when nothing was required. */
  readonly rate: number | null;
}

export function cadenceByMonth(units: readonly UnitPoints[]): MonthCompletion[] {
  return Array.from({ length: 12 }, (_, index) => {
    let required = 0;
    let done = 0;
    let late = 0;
    let pending = 0;
    let missing = 0;
    for (const unit of units) {
      const entry = unit.calendar.months[index];
      if (!entry || entry.status === 'notRequired' || entry.status === 'upcoming') continue;
      required += 1;
      if (entry.status === 'done') done += 1;
      else if (entry.status === 'late') late += 1;
      else if (entry.status === 'pending') pending += 1;
      else if (entry.status === 'missing') missing += 1;
    }
    return { month: index + 1, required, done, late, pending, missing, rate: required === 0 ? null : round2((done + late) / required) };
  });
}

export interface AreaPoints {
  readonly area: ContentArea;
  readonly label: string;
  readonly points: number;
}

/**
 * Points attributed to each of the nine content areas (a record's points shared evenly among its areas):
 * the exact shares of every unit's lines, rounded once for display so the areas add up to the points shared.
 */
export function pointsByArea(units: readonly UnitPoints[]): AreaPoints[] {
  const shares = new Map<ContentArea, number>();
  for (const unit of units) areaShares(unit.lines, shares);
  const shown = areaPointsShown(shares);
  return contentAreaIds.map((area) => ({ area, label: contentAreas[area], points: shown[area] ?? 0 }));
}

export interface EvaluationSummary {
  readonly round: EvaluationRound;
  readonly label: string;
  readonly units: number;
  readonly average: number | null;
  /** Units by share of the round's maximum: ≥90%, 80–90%, 60–80%, <60%. */
  readonly bands: ReadonlyArray<{ readonly label: string; readonly units: number }>;
}

const bandLabels = ['优秀（90%以上）', '良好（80%–90%）', '一般（60%–80%）', '较差（60%以下）'] as const;

export function evaluationResults(units: readonly UnitPoints[]): EvaluationSummary[] {
  return (['midYear', 'yearEnd'] as const).map((round) => {
    const scores: Array<{ points: number; ceiling: number }> = [];
    for (const unit of units) {
      for (const line of unit.lines) {
        if (line.source.type === 'evaluation' && line.source.round === round) scores.push({ points: line.raw, ceiling: line.ceiling ?? line.raw });
      }
    }
    const bands = [0, 0, 0, 0];
    for (const score of scores) {
      const share = score.ceiling > 0 ? score.points / score.ceiling : 0;
      bands[share >= 0.9 ? 0 : share >= 0.8 ? 1 : share >= 0.6 ? 2 : 3]! += 1;
    }
    return {
      round,
      label: evaluationRoundLabels[round],
      units: scores.length,
      average: scores.length === 0 ? null : round2(scores.reduce((sum, score) => sum + score.points, 0) / scores.length),
      bands: bandLabels.map((label, index) => ({ label, units: bands[index]! })),
    };
  });
}
