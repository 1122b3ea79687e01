import { chinaDateString, chinaInstant, parseChinaDate } from '../../src/domain/time/chinaTime';
import { boundsOf, contains, monthOf, periodKey, periodLabel, quarterOf, yearOf } from '../../src/domain/time/periods';

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

import { acceptedWindows, secondsUntilNextCode, venueWindow } from '../../src/domain/activities/venueCode';

describe('venue code windows', () => {
  it('changes every ten seconds and accepts the current and previous window only', () => {
    const at = new Date('2026-11-29T02:00:05.000Z');
    expect(venueWindow(new Date('2026-11-29T02:00:09.999Z'))).toBe(venueWindow(at));
    expect(venueWindow(new Date('2026-11-29T02:00:10.000Z'))).toBe(venueWindow(at) + 1);
    expect(acceptedWindows(new Date('2026-11-29T02:00:10.000Z'))).toEqual([venueWindow(at) + 1, venueWindow(at)]);
    expect(secondsUntilNextCode(at)).toBe(5);
  });
});
