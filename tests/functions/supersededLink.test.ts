/**
 * The old confirm link after a revision (issue 12, defect 5): the leader who disputed a record through
 * the share card or the message, and taps that link again once the unit has revised and resubmitted it,
 * reaches the latest version with what changed and their own objection — not "链接已失效".
 */
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

/** The unit revises the record, changes the counts and the results, and submits the new version. */
async function reviseAndResubmit(recordId: string, date: string) {
  const revised = dataOf(await t.call(WORKER, 'records.revise', { recordId }));
  dataOf(
    await t.call(WORKER, 'records.save', {
      ...visitRecord(pairingId, date),
      clientKey: recordId,
      results: '明确换届时间表，补齐 4 项制度。',
      participants: { unit: { count: 2, names: ['李明', '赵军'] }, org: { count: 5, names: ['王芳'] } },
    }),
  );
  return dataOf(await t.call(WORKER, 'records.submit', { recordId, revision: revised.record.revision }));
}

describe('an old confirm link after a revision', () => {
  it('leads the leader to the latest version, with what changed and their objection, and confirms it', async () => {
    const first = await waiting('2026-11-09');
    dataOf(await t.call(LEADER, 'records.dispute', { token: first.link.token, reason: '组织方参加人数不对，应为 5 人' }));
    const again = await reviseAndResubmit(first.record.id, '2026-11-09');
    expect(again.link.token).not.toBe(first.link.token);

    const opened = await t.call(LEADER, 'records.get', { token: first.link.token });
    expect(opened).toMatchObject({ ok: true });
    const view = dataOf(opened);
    expect(view.record).toMatchObject({ id: first.record.id, revision: 2, state: 'submitted' });
    expect(view.canConfirm).toBe(true);
    expect(view.superseded).toEqual({
      linkRevision: 1,
      earlierObjection: { reason: '组织方参加人数不对，应为 5 人', by: '王芳', at: chinaInstant(2026, 11, 20, 10).toISOString() },
      changes: [
        { field: 'results', label: '具体成效', before: '明确换届时间表，补齐 3 项制度。', after: '明确换届时间表，补齐 4 项制度。' },
        { field: 'participants', label: '参加人员', before: '我方 2 人（李明、赵军）；组织方 3 人（王芳）', after: '我方 2 人（李明、赵军）；组织方 5 人（王芳）' },
      ],
    });

    // The old link itself stays used up; the page confirms the latest version by id and revision.
    expect(await t.call(LEADER, 'records.confirm', { token: first.link.token })).toMatchObject({ ok: false });
    expect(dataOf(await t.call(LEADER, 'records.confirm', { recordId: first.record.id, revision: 2 })).record).toMatchObject({ state: 'confirmed', revision: 2 });
    // Opened again afterwards: the latest version, already confirmed.
    expect(dataOf(await t.call(LEADER, 'records.get', { token: first.link.token }))).toMatchObject({ record: { state: 'confirmed' }, canConfirm: false });
  });

  it('a confirmed record corrected later: the old link shows the correction, with no objection', async () => {
    const first = await waiting('2026-11-10');
    dataOf(await t.call(LEADER, 'records.confirm', { token: first.link.token }));
    await reviseAndResubmit(first.record.id, '2026-11-10');
    const view = dataOf(await t.call(LEADER, 'records.get', { token: first.link.token }));
    expect(view).toMatchObject({ record: { revision: 2, state: 'submitted' }, canConfirm: true, superseded: { linkRevision: 1 } });
    expect(view.superseded).not.toHaveProperty('earlierObjection');
    expect(view.superseded!.changes.map((change) => change.label)).toEqual(['具体成效', '参加人员']);
  });

  it('while the unit is still revising, says so instead of offering to confirm', async () => {
    const first = await waiting('2026-11-11');
    dataOf(await t.call(LEADER, 'records.dispute', { token: first.link.token, reason: '日期不对' }));
    dataOf(await t.call(WORKER, 'records.revise', { recordId: first.record.id }));
    const view = dataOf(await t.call(LEADER, 'records.get', { token: first.link.token }));
    expect(view).toMatchObject({ record: { state: 'revised', revision: 2 }, canConfirm: false, reason: '记录尚未提交或正在修改，暂不能确认', superseded: { linkRevision: 1, changes: [] } });
  });

  it('shows nothing to someone outside the record’s scope, and an unknown token is still 链接已失效', async () => {
    const first = await waiting('2026-11-12');
    dataOf(await t.call(LEADER, 'records.dispute', { token: first.link.token, reason: '缺少照片' }));
    await reviseAndResubmit(first.record.id, '2026-11-12');
    expect(await t.call(OTHER_UNIT, 'records.get', { token: first.link.token })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await t.call(LEADER, 'records.get', { token: 'tok_unknown_0000000000' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringContaining('链接已失效') } });
  });
});
