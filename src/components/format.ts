/** Instants are shown on the China calendar and clock by the domain's one formatter. */
export { chinaDate, chinaDateTimeLabel } from '../domain/time/chinaLabels';

/** `3月5日` from `YYYY-MM-DD`. */
export function shortDateLabel(date: string): string {
  const match = /^\d{4}-(\d{2})-(\d{2})$/.exec(date);
  return match ? `${Number(match[1])}月${Number(match[2])}日` : date;
}

/** `约 120 米`, `约 1.5 公里`. */
export function distanceLabel(metres: number): string {
  if (metres >= 1000) return `约 ${(metres / 1000).toFixed(1)} 公里`;
  return `约 ${Math.round(metres)} 米`;
}
