import { chinaInstant } from '../../src/domain/time/chinaTime';
import { visitRecord } from '../support/builders';
import type { TestCloud } from '../support/testCloud';
import { dataOf, useTestCloudAt, submittedVisit } from '../support/testCloud';

const WORKER = 'demo-liming';
const LEADER = 'demo-wangfang';
const OTHER_UNIT = 'demo-chenjing';
const cloud = useTestCloudAt(chinaInstant(2026, 11, 20, 10));
let t: TestCloud;
let pairingId: string;
beforeAll(() => {
  t = cloud();
  pairingId = t.district.pairings[0]!._id;
});

const waiting = (date: string) => submittedVisit(t, WORKER, pairingId, date);

describe('the author withdraws a record while it waits', () => {
  it('takes it back to editing, the old link stops working, and it can be sent again with a new link', async () => {
    const { record, link } = await waiting('2026-11-10');
    const withdrawn = dataOf(await t.call(WORKER, 'records.withdraw', { recordId: record.id, revision: 1 }));
    expect(withdrawn.record).toMatchObject({ state: 'revised', revision: 1 });
    expect(withdrawn.record.history.at(-1)).toMatchObject({ event: 'withdraw', actorName: '李明' });
    expect(dataOf(await t.call(LEADER, 'records.pending', {})).items.map((item) => item.id)).not.toContain(record.id);
    expect(await t.call(LEADER, 'records.confirm', { token: link.token })).toMatchObject({ ok: false });
    expect(dataOf(await t.call(WORKER, 'records.get', { recordId: record.id })).record.state).toBe('revised');

    dataOf(await t.call(WORKER, 'records.save', { ...visitRecord(pairingId, '2026-11-10'), clientKey: record.id, participants: { unit: { count: 3, names: [] }, org: { count: 2, names: [] } } }));
    const again = dataOf(await t.call(WORKER, 'records.submit', { recordId: record.id, revision: 1 }));
    expect(again.link.token).not.toBe(link.token);
    expect(dataOf(await t.call(LEADER, 'records.confirm', { token: again.link.token })).record).toMatchObject({ state: 'confirmed', participants: { unit: { count: 3 } } });
  });

  it('refuses what is not waiting, someone else, and an old revision, changing nothing', async () => {
    const { record } = await waiting('2026-11-11');
    const snapshot = dataOf(await t.call(WORKER, 'records.get', { recordId: record.id })).record;
    expect(await t.call(OTHER_UNIT, 'records.withdraw', { recordId: record.id, revision: 1 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await t.call(LEADER, 'records.withdraw', { recordId: record.id, revision: 1 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call(WORKER, 'records.withdraw', { recordId: record.id, revision: 2 })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(dataOf(await t.call(WORKER, 'records.get', { recordId: record.id })).record).toEqual(snapshot);

    dataOf(await t.call(LEADER, 'records.confirm', { recordId: record.id, revision: 1 }));
    expect(await t.call(WORKER, 'records.withdraw', { recordId: record.id, revision: 1 })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '记录已确认，不能撤回；如需更正，请发起修改' } });
  });
});
