import { chinaDateString, parseChinaDate } from './chinaTime';

/**
 * How a person sees an instant: always on the China calendar and clock, whatever the zone of the phone
 * or the server. Views send instants as ISO text in UTC (`2026-12-01T18:15:00.000Z` is 02:15 on 2 December
 * in China), so cutting the text (`.slice(0, 10)`) shows the UTC date; every page goes through here instead.
 * Built only on chinaTime's exported functions.
 */

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

function instantOf(value: string | Date): Date | undefined {
  const instant = value instanceof Date ? value : new Date(value);
  return Number.isNaN(instant.getTime()) ? undefined : instant;
}

/** `2026-12-02`: the China date of an instant (ISO text or Date). A `YYYY-MM-DD` date is already one and is kept; other text is returned as it is. */
export function chinaDate(value: string | Date): string {
  if (typeof value === 'string' && DATE_ONLY.test(value)) return value;
  const instant = instantOf(value);
  return instant ? chinaDateString(instant) : String(value);
}

/** `02:15`: the China wall-clock time of an instant; empty when it is not one. */
export function chinaClock(value: string | Date): string {
  const instant = instantOf(value);
  if (!instant) return '';
  const midnight = parseChinaDate(chinaDateString(instant));
  const minutes = midnight ? Math.floor((instant.getTime() - midnight.getTime()) / 60_000) : 0;
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** `2026年12月2日 02:15` on the China calendar and clock; the text as it is when it is not an instant. */
export function chinaDateTimeLabel(value: string | Date): string {
  const instant = instantOf(value);
  if (!instant) return String(value);
  const [year, month, day] = chinaDateString(instant).split('-').map(Number);
  return `${year}年${month}月${day}日 ${chinaClock(instant)}`;
}
