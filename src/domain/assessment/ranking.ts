import type { UnitTotalRow } from './totals';

/**
 * Unit rankings. 国办函〔2026〕12号 forbids ranking individual people anywhere; units may be ranked
 * only for offices and only when the district turns rankings on for the year. This is the only
 * place a rank is computed, and it takes unit rows: there is no way to rank a person.
 */
export interface RankingPolicy {
  /** The district turned unit rankings on for the year. */
  readonly enabled: boolean;
  /** The viewer is a street or district office. */
  readonly viewerIsOffice: boolean;
}

export function rankingAllowed(policy: RankingPolicy): boolean {
  return policy.enabled && policy.viewerIsOffice;
}

/** Competition ranks by total (1, 2, 2, 4), or null when rankings are not allowed. */
export function unitRanks(rows: readonly Pick<UnitTotalRow, 'unitId' | 'total'>[], policy: RankingPolicy): ReadonlyMap<string, number> | null {
  if (!rankingAllowed(policy)) return null;
  const sorted = [...rows].sort((a, b) => b.total - a.total);
  const ranks = new Map<string, number>();
  sorted.forEach((row, index) => {
    const previous = sorted[index - 1];
    ranks.set(row.unitId, previous !== undefined && previous.total === row.total ? ranks.get(previous.unitId)! : index + 1);
  });
  return ranks;
}
