import type { Pairing } from '../catalog/pairing';

/** The order a unit's or org's pairings are listed in: newest year first, running before ended, then latest start first. */
export function byRecency(a: Pairing, b: Pairing): number {
  if (a.year !== b.year) return b.year - a.year;
  if ((a.endDate === null) !== (b.endDate === null)) return a.endDate === null ? -1 : 1;
  return a.startDate < b.startDate ? 1 : -1;
}
