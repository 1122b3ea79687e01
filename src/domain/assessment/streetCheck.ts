import { round2 } from '../points/rules';
import type { StreetTotalRow } from './totals';

/**
 * The district's check of each street's organisation of the work (notice 四(四)二): figures from the
 * data (its units' cadence, its own quarterly bulletins, its units' self-assessments) beside the
 * district's grade and remarks, which feed the street leadership's annual assessment.
 */
export const streetGrades = {
  excellent: '好',
  good: '较好',
  fair: '一般',
  poor: '差',
} as const;
export type StreetGrade = keyof typeof streetGrades;

export interface StreetCheckFigures {
  readonly streetId: string;
  readonly streetName: string;
  readonly units: number;
  readonly completionRate: number | null;
  readonly averagePoints: number | null;
  /** Street bulletins published for quarters that have ended (街道要建立相应检查和通报制度). */
  readonly bulletinsPublished: number;
  readonly quartersEnded: number;
  readonly selfAssessmentsSubmitted: number;
}

export function streetCheckFigures(
  totals: readonly StreetTotalRow[],
  bulletinsPublished: ReadonlyMap<string, number>,
  selfAssessmentsByStreet: ReadonlyMap<string, number>,
  quartersEnded: number,
): StreetCheckFigures[] {
  return totals.map((street) => ({
    streetId: street.streetId,
    streetName: street.streetName,
    units: street.units,
    completionRate: street.completionRate,
    averagePoints: street.average,
    bulletinsPublished: bulletinsPublished.get(street.streetId) ?? 0,
    quartersEnded,
    selfAssessmentsSubmitted: selfAssessmentsByStreet.get(street.streetId) ?? 0,
  }));
}

/** A suggested grade from the figures; the district decides. */
export function suggestedGrade(figures: StreetCheckFigures): StreetGrade {
  const completion = figures.completionRate ?? 0;
  const bulletins = figures.quartersEnded === 0 ? 1 : figures.bulletinsPublished / figures.quartersEnded;
  const score = round2(completion * 0.7 + Math.min(bulletins, 1) * 0.3);
  return score >= 0.9 ? 'excellent' : score >= 0.75 ? 'good' : score >= 0.6 ? 'fair' : 'poor';
}
