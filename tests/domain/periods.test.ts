import { chinaDateString, chinaDay, chinaInstant, daysInMonth, inChina, parseChinaDate } from '../../src/domain/time/chinaTime';
import { boundsOf, contains, monthOf, periodKey, periodLabel, quarterOf, spanOf, yearOf } from '../../src/domain/time/periods';

// The server may run in any zone: every assertion must hold whatever TZ the process has.
describe.each(['UTC', 'America/New_York', 'Asia/Shanghai'])('China-time periods with the process in %s', (zone) => {
  const originalZone = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = zone;
  });
  afterAll(() => {
    process.env.TZ = originalZone;
  });

  it('puts 23:59 China time on 31 March in March and Q1, and 00:00 on 1 April in April and Q2', () => {
    const lastMinute = chinaInstant(2026, 3, 31, 23, 59, 59);
    const firstMinute = chinaInstant(2026, 4, 1, 0, 0, 0);
    expect(lastMinute.toISOString()).toBe('2026-03-31T15:59:59.000Z');
    expect(monthOf(lastMinute)).toEqual({ kind: 'month', year: 2026, month: 3 });
    expect(quarterOf(lastMinute)).toEqual({ kind: 'quarter', year: 2026, quarter: 1 });
    expect(monthOf(firstMinute)).toEqual({ kind: 'month', year: 2026, month: 4 });
    expect(quarterOf(firstMinute)).toEqual({ kind: 'quarter', year: 2026, quarter: 2 });
  });

  it('turns the year at midnight China time, which is 16:00 UTC on 31 December', () => {
    expect(yearOf(new Date('2026-12-31T15:59:59.999Z')).year).toBe(2026);
    expect(yearOf(new Date('2026-12-31T16:00:00.000Z')).year).toBe(2027);
    expect(chinaDateString(new Date('2026-12-31T16:00:00.000Z'))).toBe('2027-01-01');
  });

  it('gives half-open bounds that contain their first instant and not their end', () => {
    const q4 = boundsOf({ kind: 'quarter', year: 2026, quarter: 4 });
    expect(q4.start.toISOString()).toBe('2026-09-30T16:00:00.000Z');
    expect(q4.end.toISOString()).toBe('2026-12-31T16:00:00.000Z');
    expect(contains({ kind: 'quarter', year: 2026, quarter: 4 }, q4.start)).toBe(true);
    expect(contains({ kind: 'quarter', year: 2026, quarter: 4 }, q4.end)).toBe(false);
    const february = boundsOf({ kind: 'month', year: 2028, month: 2 });
    expect((february.end.getTime() - february.start.getTime()) / 86_400_000).toBe(29);
  });
});

describe('period names and dates', () => {
  it('keys and labels periods', () => {
    expect(periodKey({ kind: 'month', year: 2026, month: 3 })).toBe('2026-03');
    expect(periodKey({ kind: 'quarter', year: 2026, quarter: 2 })).toBe('2026-Q2');
    expect(periodLabel({ kind: 'quarter', year: 2026, quarter: 3 })).toBe('2026年第三季度');
    expect(periodLabel({ kind: 'month', year: 2026, month: 11 })).toBe('2026年11月');
  });

  it('parses real China dates and refuses impossible ones', () => {
    expect(parseChinaDate('2026-02-28')?.toISOString()).toBe('2026-02-27T16:00:00.000Z');
    expect(parseChinaDate('2026-02-30')).toBeUndefined();
    expect(parseChinaDate('2026-2-3')).toBeUndefined();
    expect(parseChinaDate('not a date')).toBeUndefined();
  });
});

import { acceptedWindows, secondsUntilNextCode, VENUE_CODE_GRACE_MINUTES, venueWindow, windowShownAt } from '../../src/domain/activities/venueCode';

describe('venue code windows', () => {
  it('changes every ten seconds and accepts, newest first, the codes of the last half hour only', () => {
    const at = new Date('2026-11-29T02:00:05.000Z');
    expect(venueWindow(new Date('2026-11-29T02:00:09.999Z'))).toBe(venueWindow(at));
    expect(venueWindow(new Date('2026-11-29T02:00:10.000Z'))).toBe(venueWindow(at) + 1);
    expect(VENUE_CODE_GRACE_MINUTES).toBe(30);
    const accepted = acceptedWindows(new Date('2026-11-29T02:00:10.000Z'));
    expect(accepted.slice(0, 2)).toEqual([venueWindow(at) + 1, venueWindow(at)]);
    expect(accepted).toHaveLength(181);
    expect(windowShownAt(accepted.at(-1)!).toISOString()).toBe('2026-11-29T01:30:10.000Z');
    expect(acceptedWindows(new Date('2026-11-29T02:30:19.999Z'))).toContain(venueWindow(at) + 1);
    expect(acceptedWindows(new Date('2026-11-29T02:30:20.000Z'))).not.toContain(venueWindow(at) + 1);
    expect(windowShownAt(venueWindow(at)).toISOString()).toBe('2026-11-29T02:00:00.000Z');
    expect(secondsUntilNextCode(at)).toBe(5);
  });
});

describe('China time by arithmetic against the time-zone database', () => {
  // Intl reads the IANA rules for Asia/Shanghai (the offsets history, not our fixed UTC+8).
  const shanghai = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23' });
  const HOUR = 3_600_000;

  it('gives the same China date and hour as Asia/Shanghai every hour from 1995 to 2040, and the same month, quarter and year', () => {
    const mismatches: string[] = [];
    const hours = Array.from({ length: 24 }, (_, hour) => String(hour).padStart(2, '0'));
    for (let ms = Date.UTC(1995, 0, 1) - 8 * HOUR; ms < Date.UTC(2041, 0, 1) - 8 * HOUR; ms += HOUR) {
      const text = shanghai.format(ms); // "2026-03-31, 23"
      const hour = Math.floor((ms + 8 * HOUR) / HOUR) % 24;
      if (`${chinaDateString(ms)}, ${hours[hour]}` !== text) mismatches.push(`${new Date(ms).toISOString()}: ${text} vs ${chinaDateString(ms)}`);
      // Months, quarters and years can only turn between a day's last hour and the next day's first.
      if (hour === 0 || hour === 23) {
        const [year, month, day] = [Number(text.slice(0, 4)), Number(text.slice(5, 7)), Number(text.slice(8, 10))];
        const china = chinaDay(ms);
        if (china.year !== year || china.month !== month || china.day !== day || monthOf(ms).month !== month || quarterOf(ms).quarter !== Math.floor((month - 1) / 3) + 1 || yearOf(ms).year !== year) {
          mismatches.push(`${new Date(ms).toISOString()}: ${text} vs ${JSON.stringify(china)}`);
        }
      }
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
    expect(mismatches).toHaveLength(0);
  }, 120_000);

  it('agrees with dayjs at a fixed UTC+8 offset (every 25 hours, so every hour of the day, 1995–2040)', () => {
    let mismatches = 0;
    for (let ms = Date.UTC(1995, 0, 1); ms < Date.UTC(2041, 0, 1); ms += 25 * HOUR) if (inChina(ms).format('YYYY-MM-DD') !== chinaDateString(ms)) mismatches += 1;
    expect(mismatches).toBe(0);
  }, 120_000);

  it('parses exactly the real dates of every day 1995–2040, and round-trips them', () => {
    const wrong: string[] = [];
    for (let day = Date.UTC(1995, 0, 1); day < Date.UTC(2041, 0, 1); day += 24 * HOUR) {
      const date = new Date(day).toISOString().slice(0, 10);
      const instant = parseChinaDate(date);
      if (instant?.getTime() !== day - 8 * HOUR || chinaDateString(instant) !== date) wrong.push(date);
    }
    expect(wrong).toEqual([]);
    for (const impossible of ['2025-02-29', '2100-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-01-00', '0099-01-01']) expect(parseChinaDate(impossible)).toBeUndefined();
    expect(parseChinaDate('2028-02-29')?.toISOString()).toBe('2028-02-28T16:00:00.000Z');
    expect(parseChinaDate('2000-02-29')?.toISOString()).toBe('2000-02-28T16:00:00.000Z');
  });

  it('says Invalid Date for an invalid instant, as dayjs did', () => {
    expect(chinaDateString(new Date(Number.NaN))).toBe('Invalid Date');
  });
});

describe.each(['UTC', 'America/New_York'])('the last minute and the first minute of periods with the process in %s', (zone) => {
  const originalZone = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = zone;
  });
  afterAll(() => {
    process.env.TZ = originalZone;
  });

  const lastDays: Array<[number, number, number]> = [];
  for (const year of [1999, 2000, 2026, 2027, 2028, 2040]) for (let month = 1; month <= 12; month += 1) lastDays.push([year, month, daysInMonth(year, month)]);

  it.each(lastDays)('%i-%i-%i 23:59 China time is in that month, quarter and year; 00:00 the next day is not', (year, month, last) => {
    const lastMinute = chinaInstant(year, month, last, 23, 59, 59);
    const nextMidnight = chinaInstant(year, month + 1, 1, 0, 0, 0);
    expect(nextMidnight.getTime() - lastMinute.getTime()).toBe(1000);
    const lastDate = `${year}-${String(month).padStart(2, '0')}-${String(last).padStart(2, '0')}`;
    expect(chinaDateString(lastMinute)).toBe(lastDate);
    expect(monthOf(lastMinute)).toEqual({ kind: 'month', year, month });
    expect(quarterOf(lastMinute)).toEqual({ kind: 'quarter', year, quarter: Math.ceil(month / 3) });
    expect(yearOf(lastMinute).year).toBe(year);
    const nextYear = month === 12 ? year + 1 : year;
    const nextMonth = month === 12 ? 1 : month + 1;
    expect(chinaDateString(nextMidnight)).toBe(`${nextYear}-${String(nextMonth).padStart(2, '0')}-01`);
    expect(monthOf(nextMidnight)).toEqual({ kind: 'month', year: nextYear, month: nextMonth });
    expect(quarterOf(nextMidnight).quarter).toBe(Math.ceil(nextMonth / 3));
    expect(yearOf(nextMidnight).year).toBe(nextYear);

    const monthSpan = spanOf({ kind: 'month', year, month });
    expect(monthSpan.last).toBe(lastDate);
    expect(monthSpan.endMs).toBe(nextMidnight.getTime());
    expect(contains({ kind: 'month', year, month }, lastMinute)).toBe(true);
    expect(contains({ kind: 'month', year, month }, nextMidnight)).toBe(false);
    if (month % 3 === 0) {
      const quarter = { kind: 'quarter', year, quarter: month / 3 } as const;
      expect(spanOf(quarter)).toEqual({ first: `${year}-${String(month - 2).padStart(2, '0')}-01`, last: lastDate, startMs: chinaInstant(year, month - 2).getTime(), endMs: nextMidnight.getTime() });
      expect(contains(quarter, lastMinute)).toBe(true);
      expect(contains(quarter, nextMidnight)).toBe(false);
    }
    if (month === 12) expect(spanOf({ kind: 'year', year })).toEqual({ first: `${year}-01-01`, last: `${year}-12-31`, startMs: chinaInstant(year, 1).getTime(), endMs: nextMidnight.getTime() });
  });

  it('is not moved by the process zone changing its clocks (New York, March and November 2026)', () => {
    for (const iso of ['2026-03-08T06:59:00Z', '2026-03-08T07:00:00Z', '2026-11-01T05:59:00Z', '2026-11-01T06:00:00Z']) {
      const ms = Date.parse(iso);
      expect(chinaDateString(ms)).toBe(new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10));
    }
  });
});
