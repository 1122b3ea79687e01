/**
 * Clearer refusals (issue 12, points rules): the author who sends a disputed record again is told to
 * start a revision first, not that the state forbids it.
 */
import { chinaInstant } from '../../src/domain/time/chinaTime';
import { dataOf, useTestCloudAt, submittedVisit } from '../support/testCloud';

const cloud = useTestCloudAt(chinaInstant(2026, 11, 20, 10));

describe('submitting a disputed record again', () => {
  it('says to start a revision (修改) first, then submit', async () => {
    const t = cloud();
    const first = await submittedVisit(t, 'demo-liming', t.district.pairings[0]!._id, '2026-11-16');
    dataOf(await t.call('demo-wangfang', 'records.dispute', { token: first.link.token, reason: '人数不对' }));
    const again = await t.call('demo-liming', 'records.submit', { recordId: first.record.id, revision: 1 });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('修改后再提交') } });
    expect(again).toMatchObject({ error: { message: expect.stringContaining('请先点“修改”开始新的版本') } });
  });
});
