import type { ContentArea } from '../records/catalog';
import { contentAreaIds } from '../records/catalog';

/**
 * Points attributed to the nine content areas (九项共建内容). A line's points are shared evenly among
 * the areas its record concerns, exactly: shares are counted in 1/2520 of a hundredth of a point
 * (2520 is divisible by every number of areas, 1 to 9), so no share is ever rounded. Only what is shown
 * is rounded, to hundredths, by largest remainder, so the areas always add up to the points they share
 * (a unit's 25 points are 25 in its areas, not 25.02).
 */
const SHARES_PER_HUNDREDTH = 2520;

/** The lines' exact shares per area, in 1/2520 of a hundredth of a point. */
export type AreaShares = ReadonlyMap<ContentArea, number>;

export interface AttributedLine {
  readonly points: number;
  readonly contentAreas: readonly ContentArea[];
}

/** Exact shares of the positive lines that concern at least one area; added to `into` when given (several units). */
export function areaShares(lines: readonly AttributedLine[], into: Map<ContentArea, number> = new Map()): Map<ContentArea, number> {
  for (const line of lines) {
    const areas = [...new Set(line.contentAreas)];
    if (line.points <= 0 || areas.length === 0) continue;
    const share = (Math.round(line.points * 100) * SHARES_PER_HUNDREDTH) / areas.length;
    for (const area of areas) into.set(area, (into.get(area) ?? 0) + share);
  }
  return into;
}

/**
 * The shares as points to two decimals that add up exactly to their total: each area gets its whole
 * hundredths, and the hundredths left over go to the areas with the largest remainders (ties: in the
 * order of the nine areas). Areas without a share are left out.
 */
export function areaPointsShown(shares: AreaShares): Partial<Record<ContentArea, number>> {
  const areas = contentAreaIds.filter((area) => (shares.get(area) ?? 0) > 0);
  const exact = areas.map((area) => ({ area, share: shares.get(area)! }));
  const total = Math.round(exact.reduce((sum, entry) => sum + entry.share, 0) / SHARES_PER_HUNDREDTH);
  const hundredths = new Map(exact.map((entry) => [entry.area, Math.floor(entry.share / SHARES_PER_HUNDREDTH)]));
  let left = total - [...hundredths.values()].reduce((sum, value) => sum + value, 0);
  const byRemainder = [...exact].sort((a, b) => (b.share % SHARES_PER_HUNDREDTH) - (a.share % SHARES_PER_HUNDREDTH) || contentAreaIds.indexOf(a.area) - contentAreaIds.indexOf(b.area));
  for (const entry of byRemainder) {
    if (left <= 0) break;
    hundredths.set(entry.area, hundredths.get(entry.area)! + 1);
    left -= 1;
  }
  return Object.fromEntries(areas.map((area) => [area, hundredths.get(area)! / 100]));
}
