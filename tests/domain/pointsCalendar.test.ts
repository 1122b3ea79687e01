import { addDays, cadenceCalendar } from '../../src/domain/points/calendar';
import type { PointsRecord } from '../../src/domain/points/inputs';
import { timelineFor } from '../../src/domain/points/versions';
import { chinaInstant } from '../../src/domain/time/chinaTime';
import { record, ruleSet, wholeYear } from './pointsFixtures';

const timeline = timelineFor(2026, [ruleSet()], null);
const calendarOf = (records: PointsRecord[], now: Date) => cadenceCalendar(2026, [wholeYear], new Map([['pairing-a', records]]), timeline, now);

describe('the cadence calendar', () => {
  it('has 12 months, 4 quarters and 1 summary meeting', () => {
    const calendar = calendarOf([], chinaInstant(2026, 5, 20));
    expect(calendar.months).toHaveLength(12);
    expect(calendar.quarters).toHaveLength(4);
    expect(calendar.summary.key).toBe('2026');
    expect(calendar.months.map((entry) => entry.status)).toEqual(['missing', 'missing', 'missing', 'missing', 'open', 'upcoming', 'upcoming', 'upcoming', 'upcoming', 'upcoming', 'upcoming', 'upcoming']);
    expect(calendar.quarters.map((entry) => entry.status)).toEqual(['missing', 'open', 'upcoming', 'upcoming']);
  });

  it('calls a month late when its record was written more than ten days after the month ended, except paper records', () => {
    const now = chinaInstant(2026, 8, 1);
    const onTime = record('monthlyVisit', '2026-05-20', { recordedOn: '2026-06-10' });
    const late = record('monthlyVisit', '2026-06-20', { recordedOn: '2026-07-11' });
    const paper = record('monthlyVisit', '2026-07-20', { recordedOn: '2026-09-01', paper: true });
    const calendar = calendarOf([onTime, late, paper], now);
    expect(calendar.months.slice(4, 7).map((entry) => [entry.status, entry.recordId])).toEqual([
      ['done', onTime.id],
      ['late', late.id],
      ['done', paper.id],
    ]);
  });

  it('counts the earliest confirmed record of the period', () => {
    const first = record('quarterlyActivity', '2026-02-01');
    const second = record('quarterlyActivity', '2026-01-15');
    expect(calendarOf([first, second], chinaInstant(2026, 4, 1)).quarters[0]!.recordId).toBe(second.id);
  });

  it('adds days on the China calendar across month ends', () => {
    expect(addDays('2026-01-31', 10)).toBe('2026-02-10');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});

describe.each(['UTC', 'America/New_York'])('the cadence calendar at the turn of the year with the process in %s', (zone) => {
  const originalZone = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = zone;
  });
  afterAll(() => {
    process.env.TZ = originalZone;
  });

  it('keeps December, Q4 and the summary due soon until 23:59:59 China time on 31 December, and missing at 00:00', () => {
    const before = calendarOf([], chinaInstant(2026, 12, 31, 23, 59, 59));
    const after = calendarOf([], chinaInstant(2027, 1, 1, 0, 0, 0));
    expect([before.months[11]!.status, before.quarters[3]!.status, before.summary.status]).toEqual(['dueSoon', 'dueSoon', 'dueSoon']);
    expect([after.months[11]!.status, after.quarters[3]!.status, after.summary.status]).toEqual(['missing', 'missing', 'missing']);
    expect([before.months[10]!.status, before.quarters[2]!.status]).toEqual(['missing', 'missing']);
    expect(after.months.map((entry) => entry.dueDate)).toEqual(['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30', '2026-05-31', '2026-06-30', '2026-07-31', '2026-08-31', '2026-09-30', '2026-10-31', '2026-11-30', '2026-12-31']);
    expect(after.quarters.map((entry) => entry.dueDate)).toEqual(['2026-03-31', '2026-06-30', '2026-09-30', '2026-12-31']);
  });

  it('opens a quarter at 00:00 China time on its first day: upcoming at 23:59 the day before', () => {
    expect(calendarOf([], chinaInstant(2026, 9, 30, 23, 59, 59)).quarters[3]!.status).toBe('upcoming');
    expect(calendarOf([], chinaInstant(2026, 10, 1, 0, 0, 0)).quarters[3]!.status).toBe('open');
    expect(calendarOf([], chinaInstant(2026, 9, 30, 23, 59, 59)).months[9]!.status).toBe('upcoming');
    expect(calendarOf([], chinaInstant(2026, 10, 1, 0, 0, 0)).months[9]!.status).toBe('open');
  });

  it('calls a record late from the eleventh day after the period, on the China calendar', () => {
    const onTime = record('quarterlyActivity', '2026-12-20', { recordedOn: '2027-01-10' });
    const late = record('quarterlyActivity', '2026-12-21', { recordedOn: '2027-01-11' });
    expect(calendarOf([onTime], chinaInstant(2027, 2, 1)).quarters[3]!.status).toBe('done');
    expect(calendarOf([late], chinaInstant(2027, 2, 1)).quarters[3]!.status).toBe('late');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});
