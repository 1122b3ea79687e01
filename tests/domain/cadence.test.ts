import type { CadenceRecord, PairingTerm } from '../../src/domain/cadence/cadence';
import { cadenceStatus, currentCadence } from '../../src/domain/cadence/cadence';
import { chinaInstant } from '../../src/domain/time/chinaTime';

const wholeYear: PairingTerm = { startDate: '2026-01-01', endDate: null };
const march = { kind: 'month', year: 2026, month: 3 } as const;
const visit = (date: string, state: CadenceRecord['state']): CadenceRecord => ({ kind: 'monthlyVisit', date, state });

describe('cadence', () => {
  it('is done only with a confirmed record in the period', () => {
    const now = chinaInstant(2026, 3, 10);
    expect(cadenceStatus('monthlyVisit', march, [visit('2026-03-02', 'confirmed')], wholeYear, now).status).toBe('done');
    expect(cadenceStatus('monthlyVisit', march, [visit('2026-03-02', 'submitted')], wholeYear, now).status).toBe('awaitingConfirmation');
    expect(cadenceStatus('monthlyVisit', march, [visit('2026-03-02', 'draft')], wholeYear, now).status).toBe('open');
    expect(cadenceStatus('monthlyVisit', march, [visit('2026-02-28', 'confirmed')], wholeYear, now).status).toBe('open');
  });

  it('turns from due soon to missed exactly at midnight China time at the end of the month', () => {
    expect(cadenceStatus('monthlyVisit', march, [], wholeYear, chinaInstant(2026, 3, 31, 23, 59, 59)).status).toBe('dueSoon');
    expect(cadenceStatus('monthlyVisit', march, [], wholeYear, chinaInstant(2026, 4, 1, 0, 0, 0)).status).toBe('missed');
    expect(cadenceStatus('monthlyVisit', march, [], wholeYear, chinaInstant(2026, 3, 26, 23, 59, 59)).status).toBe('open');
    expect(cadenceStatus('monthlyVisit', march, [], wholeYear, chinaInstant(2026, 3, 27, 0, 0, 0)).status).toBe('dueSoon');
  });

  it('counts a record dated on the last day of the quarter in that quarter', () => {
    const q1 = { kind: 'quarter', year: 2026, quarter: 1 } as const;
    const records: CadenceRecord[] = [{ kind: 'quarterlyActivity', date: '2026-03-31', state: 'confirmed' }];
    expect(cadenceStatus('quarterlyActivity', q1, records, wholeYear, chinaInstant(2026, 4, 1)).status).toBe('done');
    expect(cadenceStatus('quarterlyActivity', { ...q1, quarter: 2 }, records, wholeYear, chinaInstant(2026, 4, 1)).status).toBe('open');
  });

  it('does not require periods outside the pairing term', () => {
    const fromMay: PairingTerm = { startDate: '2026-05-10', endDate: null };
    expect(cadenceStatus('monthlyVisit', march, [], fromMay, chinaInstant(2026, 6, 1)).status).toBe('notRequired');
    expect(cadenceStatus('monthlyVisit', { ...march, month: 5 }, [], fromMay, chinaInstant(2026, 6, 1)).status).toBe('missed');
    const endedInFebruary: PairingTerm = { startDate: '2026-01-01', endDate: '2026-02-15' };
    expect(cadenceStatus('monthlyVisit', march, [], endedInFebruary, chinaInstant(2026, 4, 1)).status).toBe('notRequired');
  });

  it('gives this month, this quarter and this year for the home screen', () => {
    const entries = currentCadence([visit('2026-11-03', 'confirmed')], wholeYear, chinaInstant(2026, 11, 29, 12));
    expect(entries.map((entry) => [entry.item, entry.status, entry.dueDate])).toEqual([
      ['monthlyVisit', 'done', '2026-11-30'],
      ['quarterlyActivity', 'open', '2026-12-31'],
      ['annualSummary', 'dueSoon', '2026-12-31'],
    ]);
  });
});

describe.each(['UTC', 'America/New_York'])('cadence at the turn of periods with the process in %s', (zone) => {
  const originalZone = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = zone;
  });
  afterAll(() => {
    process.env.TZ = originalZone;
  });

  it.each([
    ['month (February, leap year)', 'monthlyVisit', { kind: 'month', year: 2028, month: 2 }, [2028, 2, 29], '2028-02-29'],
    ['month (November)', 'monthlyVisit', { kind: 'month', year: 2026, month: 11 }, [2026, 11, 30], '2026-11-30'],
    ['quarter (Q3)', 'quarterlyActivity', { kind: 'quarter', year: 2026, quarter: 3 }, [2026, 9, 30], '2026-09-30'],
    ['quarter (Q4)', 'quarterlyActivity', { kind: 'quarter', year: 2026, quarter: 4 }, [2026, 12, 31], '2026-12-31'],
    ['year', 'annualSummary', { kind: 'year', year: 2026 }, [2026, 12, 31], '2026-12-31'],
  ] as const)('the %s is due soon at 23:59 China time on its last day and missed at 00:00', (_label, item, period, [year, month, day], dueDate) => {
    const lastMinute = chinaInstant(year, month, day, 23, 59, 59);
    const midnight = chinaInstant(year, month, day + 1, 0, 0, 0);
    expect(cadenceStatus(item, period, [], wholeYearOf(period.year), lastMinute)).toMatchObject({ status: 'dueSoon', dueDate });
    expect(cadenceStatus(item, period, [], wholeYearOf(period.year), midnight)).toMatchObject({ status: 'missed', dueDate });
    // A record dated on the last day counts for the period, one dated the next day does not.
    const onLastDay: CadenceRecord = { kind: item, date: dueDate, state: 'confirmed' };
    const nextDay: CadenceRecord = { kind: item, date: dueDate === '2028-02-29' ? '2028-03-01' : dueDate.slice(5) === '12-31' ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`, state: 'confirmed' };
    expect(cadenceStatus(item, period, [onLastDay], wholeYearOf(period.year), midnight).status).toBe('done');
    expect(cadenceStatus(item, period, [nextDay], wholeYearOf(period.year), midnight).status).toBe('missed');
  });

  it('gives the new month, quarter and year at 00:00 China time on 1 January and the old ones at 23:59', () => {
    const records: CadenceRecord[] = [];
    const before = currentCadence(records, wholeYear, chinaInstant(2026, 12, 31, 23, 59));
    const after = currentCadence(records, { startDate: '2026-01-01', endDate: null }, chinaInstant(2027, 1, 1, 0, 0));
    expect(before.map((entry) => [entry.period, entry.dueDate])).toEqual([
      [{ kind: 'month', year: 2026, month: 12 }, '2026-12-31'],
      [{ kind: 'quarter', year: 2026, quarter: 4 }, '2026-12-31'],
      [{ kind: 'year', year: 2026 }, '2026-12-31'],
    ]);
    expect(after.map((entry) => [entry.period, entry.dueDate, entry.status])).toEqual([
      [{ kind: 'month', year: 2027, month: 1 }, '2027-01-31', 'open'],
      [{ kind: 'quarter', year: 2027, quarter: 1 }, '2027-03-31', 'open'],
      [{ kind: 'year', year: 2027 }, '2027-12-31', 'open'],
    ]);
  });
});

function wholeYearOf(year: number): PairingTerm {
  return { startDate: `${year}-01-01`, endDate: null };
}
