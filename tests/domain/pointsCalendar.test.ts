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
