/**
 * Old confirm links (issue 12, defect 5), beyond a revision: the author withdraws a waiting record,
 * corrects it and sends it again; the leader's link from the first submission then leads to the
 * version sent, with what changed. And an old link is found through an index (the key its token
 * starts with), never by scanning the records' `previousRevisions` (an array no index may hold).
 */
import { chinaInstant } from '../../src/domain/time/chinaTime';
import { visitRecord } from '../support/builders';
import type { TestCloud } from '../support/testCloud';
import { dataOf, useTestCloudAt, submittedVisit } from '../support/testCloud';

const WORKER = 'demo-liming';
const LEADER = 'demo-wangfang';
const cloud = useTestCloudAt(chinaInstant(2026, 11, 20, 10));
let t: TestCloud;
let pairingId: string;
beforeAll(() => {
  t = cloud();
  pairingId = t.district.pairings[0]!._id;
});

/** Withdraws a waiting record, corrects the results and sends it again at the same revision. */
async function withdrawCorrectAndResend(recordId: string, date: string) {
  const withdrawn = dataOf(await t.call(WORKER, 'records.withdraw', { recordId, revision: 1 }));
  dataOf(await t.call(WORKER, 'records.save', { ...visitRecord(pairingId, date), clientKey: recordId, results: '明确换届时间表，补齐 5 项制度。' }));
  return dataOf(await t.call(WORKER, 'records.submit', { recordId, revision: withdrawn.record.revision }));
}

describe('an old confirm link after the record was withdrawn and sent again', () => {
  it('leads the leader to the version sent, with what changed, and it can be confirmed', async () => {
    const first = await submittedVisit(t, WORKER, pairingId, '2026-11-13');
    const again = await withdrawCorrectAndResend(first.record.id, '2026-11-13');
    expect(again.link.token).not.toBe(first.link.token);

    const view = dataOf(await t.call(LEADER, 'records.get', { token: first.link.token }));
    expect(view.record).toMatchObject({ id: first.record.id, revision: 1, state: 'submitted', results: '明确换届时间表，补齐 5 项制度。' });
    expect(view.canConfirm).toBe(true);
    expect(view.superseded).toEqual({
      linkRevision: 1,
      changes: [{ field: 'results', label: '具体成效', before: '明确换届时间表，补齐 3 项制度。', after: '明确换届时间表，补齐 5 项制度。' }],
    });
    expect(await t.call(LEADER, 'records.confirm', { token: first.link.token })).toMatchObject({ ok: false });
    expect(dataOf(await t.call(LEADER, 'records.confirm', { recordId: first.record.id, revision: 1 })).record).toMatchObject({ state: 'confirmed' });
  });

  it('while withdrawn and not yet sent again, says the record is being edited', async () => {
    const first = await submittedVisit(t, WORKER, pairingId, '2026-11-14');
    dataOf(await t.call(WORKER, 'records.withdraw', { recordId: first.record.id, revision: 1 }));
    expect(dataOf(await t.call(LEADER, 'records.get', { token: first.link.token }))).toMatchObject({
      record: { state: 'revised', revision: 1 },
      canConfirm: false,
      reason: '记录尚未提交或正在修改，暂不能确认',
      superseded: { linkRevision: 1, changes: [] },
    });
  });
});

describe('finding the record of an old link', () => {
  it('reads through indexes only, in one request after the caller: its key finds current and earlier links alike', async () => {
    const first = await submittedVisit(t, WORKER, pairingId, '2026-11-15');
    dataOf(await t.call(LEADER, 'records.dispute', { token: first.link.token, reason: '人数不对' }));
    dataOf(await t.call(WORKER, 'records.revise', { recordId: first.record.id }));
    t.cloud.db.resetStats();
    const view = dataOf(await t.call(LEADER, 'records.get', { token: first.link.token }));
    expect(view).toMatchObject({ record: { id: first.record.id, revision: 2 }, superseded: { linkRevision: 1 } });
    expect(t.cloud.db.stats.fullScans).toBe(0);
    expect(t.cloud.db.stats.requests).toBeLessThanOrEqual(2);
  });
});
