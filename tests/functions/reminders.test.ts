import { chinaInstant } from '../../src/domain/time/chinaTime';
import { visitRecord } from '../support/builders';
import { moveTo, restoreClock, standAt } from '../support/clock';
import type { TestCloud } from '../support/testCloud';
import { openTestCloud } from '../support/testCloud';

let t: TestCloud;
beforeAll(async () => {
  standAt(chinaInstant(2026, 11, 20, 9));
  t = await openTestCloud();
});
afterAll(() => {
  t.close();
  restoreClock();
});

const runTimer = () => t.cloud.functions.invoke('reminders', { Type: 'Timer', TriggerName: 'dailyReminders' }, { ENV: 'local', SOURCE: 'timer' }) as Promise<{ ok: boolean; data: { due: number; sent: number; alreadySent: number; done: boolean } }>;

describe('the daily reminders', () => {
  it('refuses to run when called from the mini-program', async () => {
    expect(await t.raw('demo-liming', 'reminders', { Type: 'Timer' })).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: '该功能只由定时任务运行' } });
  });

  it('reminds leaders of records waiting over three days and workers of open visits near month end, never twice', async () => {
    const pairingId = t.district.pairings[0]!._id;
    const saved = await t.call('demo-liming', 'records.save', visitRecord(pairingId, '2026-11-19'));
    if (!saved.ok) throw new Error(saved.error.message);
    await t.call('demo-liming', 'records.submit', { recordId: saved.data.record.id, revision: 1 });

    expect((await runTimer()).data).toMatchObject({ due: 0, sent: 0 });

    moveTo(chinaInstant(2026, 11, 27, 9));
    const outboxBefore = t.cloud.outbox.list({ limit: 500 }).length;
    const first = await runTimer();
    const staffCount = t.district.people.filter((person) => person.grants.some((grant) => grant.role === 'unitStaff' || grant.role === 'unitHead')).length;
    // Every unit person is reminded of this month's visit except those of pairing 1 (its visit is waiting for
    // confirmation), and 王芳 is reminded of the record waiting since the 20th.
    const pairingOnePeople = t.district.people.filter((person) => person.grants.some((grant) => grant.scopeId === t.district.pairings[0]!.unitId)).length;
    expect(first.data).toMatchObject({ due: staffCount - pairingOnePeople + 1, sent: staffCount - pairingOnePeople + 1, alreadySent: 0 });
    const messages = t.cloud.outbox.list({ limit: 500 }).slice(0, first.data.sent);
    expect(messages).toHaveLength(t.cloud.outbox.list({ limit: 500 }).length - outboxBefore);
    expect(messages.find((message) => message.touser === 'demo-wangfang')).toMatchObject({ page: `pages/confirm/index?id=${saved.data.record.id}`, data: { thing2: { value: '区发展和改革局' } } });
    expect(messages.find((message) => message.touser === 'demo-chenjing')).toMatchObject({ page: 'pages/home/index', data: { thing1: { value: '2026年11月到访' }, date3: { value: '2026-11-30' } } });

    // Later runs of the same day's trigger stop after reading the progress; the next day the ledger skips every one sent.
    expect((await runTimer()).data).toMatchObject({ due: 0, sent: 0, done: true });
    moveTo(chinaInstant(2026, 11, 28, 9));
    const nextDay = await runTimer();
    expect(nextDay.data).toMatchObject({ sent: 0, alreadySent: first.data.sent });
    expect(t.cloud.outbox.list({ limit: 500 }).length - outboxBefore).toBe(first.data.sent);
  });
});
