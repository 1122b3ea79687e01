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
