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

/** How many different areas a line names (a record may name one twice). */
function distinctCount(areas: readonly ContentArea[]): number {
  let count = 0;
  for (let index = 0; index < areas.length; index += 1) if (areas.indexOf(areas[index]!) === index) count += 1;
  return count;
}

/**
 * Exact shares of the positive lines that concern at least one area; added to `into` when given
 * (several units). Each area counts once per line, in the order the line first names it.
 */
export function areaShares(lines: readonly AttributedLine[], into: Map<ContentArea, number> = new Map()): Map<ContentArea, number> {
  for (const line of lines) {
    const areas = line.contentAreas;
    if (line.points <= 0 || areas.length === 0) continue;
    const share = (Math.round(line.points * 100) * SHARES_PER_HUNDREDTH) / distinctCount(areas);
    for (let index = 0; index < areas.length; index += 1) {
      const area = areas[index]!;
      if (areas.indexOf(area) === index) into.set(area, (into.get(area) ?? 0) + share);
    }
  }
  return into;
}

/**
 * The shares as points to two decimals that add up exactly to their total: each area gets its whole
 * hundredths, and the hundredths left over go to the areas with the largest remainders (ties: in the
 * order of the nine areas). Areas without a share are left out.
 */
export function areaPointsShown(shares: AreaShares): Partial<Record<ContentArea, number>> {
  const areas: ContentArea[] = [];
  const exact: number[] = [];
  const hundredths: number[] = [];
  let sum = 0;
  let whole = 0;
  for (const area of contentAreaIds) {
    const share = shares.get(area) ?? 0;
    if (!(share > 0)) continue;
    areas.push(area);
    exact.push(share);
    hundredths.push(Math.floor(share / SHARES_PER_HUNDREDTH));
    sum += share;
    whole += hundredths[hundredths.length - 1]!;
  }
  let left = Math.round(sum / SHARES_PER_HUNDREDTH) - whole;
  if (left > 0) {
    // Areas are in the order of the nine, so the index breaks ties as that order does.
    const byRemainder = areas.map((_, index) => index).sort((a, b) => (exact[b]! % SHARES_PER_HUNDREDTH) - (exact[a]! % SHARES_PER_HUNDREDTH) || a - b);
    for (const index of byRemainder) {
      if (left <= 0) break;
      hundredths[index] = hundredths[index]! + 1;
      left -= 1;
    }
  }
  const shown: Partial<Record<ContentArea, number>> = {};
  areas.forEach((area, index) => {
    shown[area] = hundredths[index]! / 100;
  });
  return shown;
}
