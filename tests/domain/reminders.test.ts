import type { ReminderPairing, ReminderPerson, WaitingRecord } from '../../src/domain/reminders/reminders';
import { dueReminders } from '../../src/domain/reminders/reminders';
import { chinaInstant } from '../../src/domain/time/chinaTime';

const pairing = (records: ReminderPairing['records'] = []): ReminderPairing => ({ id: 'p1', unitId: 'u1', orgId: 'o1', orgName: '华星', startDate: '2026-01-01', endDate: null, records });
const worker: ReminderPerson = { id: 'w1', openid: 'ow1', unitIds: ['u1'], approvedOrgIds: [] };
const leader: ReminderPerson = { id: 'l1', openid: 'ol1', unitIds: [], approvedOrgIds: ['o1'] };
const waiting = (submittedAt: Date): WaitingRecord => ({ id: 'r1', revision: 2, orgId: 'o1', unitName: '发改局', kind: 'monthlyVisit', date: '2026-11-02', submittedAt });

describe('due reminders', () => {
  it('reminds the unit’s workers of an open visit in the last days of the month, not earlier', () => {
    expect(dueReminders([pairing()], [worker, leader], [], chinaInstant(2026, 11, 25, 9))).toEqual([]);
    const due = dueReminders([pairing()], [worker, leader], [], chinaInstant(2026, 11, 26, 9));
    expect(due).toEqual([expect.objectContaining({ key: 'cadence:p1:monthlyVisit:2026-11:w1', kind: 'cadence', openid: 'ow1', periodLabel: '2026年11月到访', dueDate: '2026-11-30' })]);
  });

  it('does not remind when the visit is done or waiting for confirmation', () => {
    const now = chinaInstant(2026, 11, 28, 9);
    expect(dueReminders([pairing([{ kind: 'monthlyVisit', date: '2026-11-03', state: 'submitted' }])], [worker], [], now)).toEqual([]);
  });

  it('reminds of the quarter’s activity in the last 15 days of the quarter', () => {
    const due = dueReminders([pairing([{ kind: 'monthlyVisit', date: '2026-12-01', state: 'confirmed' }])], [worker], [], chinaInstant(2026, 12, 17, 9));
    expect(due.map((reminder) => reminder.key)).toEqual(['cadence:p1:quarterlyActivity:2026-Q4:w1']);
  });

  it('reminds approved leaders of records waiting more than three days, keyed by revision', () => {
    const now = chinaInstant(2026, 11, 10, 9);
    expect(dueReminders([], [worker, leader], [waiting(new Date(now.getTime() - 3 * 86_400_000 + 1000))], now)).toEqual([]);
    const due = dueReminders([], [worker, leader], [waiting(new Date(now.getTime() - 3 * 86_400_000))], now);
    expect(due).toEqual([expect.objectContaining({ key: 'pending:r1:2:l1', openid: 'ol1', unitName: '发改局' })]);
  });
});
