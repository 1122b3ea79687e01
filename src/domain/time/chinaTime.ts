import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);

/**
 * The programme runs on China time (Asia/Shanghai, UTC+8, no daylight saving since 1991),
 * whatever the zone of the server or the phone. Every calendar question goes through here.
 *
 * The calendar itself is plain arithmetic on a fixed UTC+8 offset (the points engine asks it tens of
 * thousands of times a request); dayjs stays for formatting and parsing at the edges (`inChina`).
 */
export const CHINA_UTC_OFFSET_MINUTES = 8 * 60;
const OFFSET_MS = CHINA_UTC_OFFSET_MINUTES * 60_000;
const DAY_MS = 86_400_000;

/** A dayjs view of an instant on the China wall clock (for formatting for people). */
export function inChina(instant: Date | number): dayjs.Dayjs {
  return dayjs(instant).utcOffset(CHINA_UTC_OFFSET_MINUTES);
}

/** A day on the China calendar (month is 1–12). */
export interface ChinaDay {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/**
 * The proleptic Gregorian date of a day number (days since 1970-01-01), by H. Hinnant's
 * `civil_from_days`: eras of 400 years (146,097 days) starting on 1 March.
 */
export function civilFromDays(days: number): ChinaDay {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shifted = Math.floor((5 * dayOfYear + 2) / 153); // 0 = March … 11 = February
  const month = shifted < 10 ? shifted + 3 : shifted - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day: dayOfYear - Math.floor((153 * shifted + 2) / 5) + 1 };
}

const msOf = (instant: Date | number) => (typeof instant === 'number' ? instant : instant.getTime());

/** The China day number (days since 1970-01-01 on the China calendar) of an instant. */
export function chinaDayNumber(instant: Date | number): number {
  return Math.floor((msOf(instant) + OFFSET_MS) / DAY_MS);
}

/** Year, month (1–12) and day of the instant on the China calendar. */
export function chinaDay(instant: Date | number): ChinaDay {
  return civilFromDays(chinaDayNumber(instant));
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in a month (1–12) of the Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : (MONTH_DAYS[month - 1] ?? Number.NaN);
}

/** The instant of a China wall-clock time (month is 1–12). */
export function chinaInstant(year: number, month: number, day = 1, hour = 0, minute = 0, second = 0): Date {
  const utcMs = Date.UTC(year, month - 1, day, hour, minute, second);
  return new Date(utcMs - OFFSET_MS);
}

const TWO_DIGITS = Array.from({ length: 32 }, (_, index) => String(index).padStart(2, '0'));

/** `YYYY-MM-DD` of a calendar day (as dayjs formats it: the year on at least four digits). */
export function formatChinaDay(year: number, month: number, day: number): string {
  const yyyy = year >= 1000 && year <= 9999 ? String(year) : String(year).padStart(4, '0');
  return `${yyyy}-${TWO_DIGITS[month]}-${TWO_DIGITS[day]}`;
}

/** `YYYY-MM-DD` of the instant on the China calendar ('Invalid Date' for an invalid instant, as dayjs says). */
export function chinaDateString(instant: Date | number): string {
  const ms = msOf(instant);
  if (!Number.isFinite(ms)) return 'Invalid Date';
  const { year, month, day } = civilFromDays(Math.floor((ms + OFFSET_MS) / DAY_MS));
  return formatChinaDay(year, month, day);
}

/** The instant at 00:00 China time of a `YYYY-MM-DD` date; undefined when the string is not a real date. */
export function parseChinaDate(value: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // (Date.UTC reads years 0–99 as 1900–1999: such dates are not real here either.)
  if (year < 100 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return chinaInstant(year, month, day);
}
