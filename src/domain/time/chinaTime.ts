import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);

/**
 * The programme runs on China time (Asia/Shanghai, UTC+8, no daylight saving since 1991),
 * whatever the zone of the server or the phone. Every calendar question goes through here.
 */
export const CHINA_UTC_OFFSET_MINUTES = 8 * 60;

/** A dayjs view of an instant on the China wall clock. */
export function inChina(instant: Date | number): dayjs.Dayjs {
  return dayjs(instant).utcOffset(CHINA_UTC_OFFSET_MINUTES);
}

/** The instant of a China wall-clock time (month is 1–12). */
export function chinaInstant(year: number, month: number, day = 1, hour = 0, minute = 0, second = 0): Date {
  const utcMs = Date.UTC(year, month - 1, day, hour, minute, second);
  return new Date(utcMs - CHINA_UTC_OFFSET_MINUTES * 60_000);
}

/** `YYYY-MM-DD` of the instant on the China calendar. */
export function chinaDateString(instant: Date | number): string {
  return inChina(instant).format('YYYY-MM-DD');
}

/** The instant at 00:00 China time of a `YYYY-MM-DD` date; undefined when the string is not a real date. */
export function parseChinaDate(value: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const instant = chinaInstant(year, month, day);
  return chinaDateString(instant) === value ? instant : undefined;
}
