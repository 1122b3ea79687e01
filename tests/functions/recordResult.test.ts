import { templates } from '../../server/messaging/templates';
import { chinaInstant } from '../../src/domain/time/chinaTime';
import { moveTo } from '../support/clock';
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

const waiting = (date: string) => submittedVisit(t, WORKER, pairingId, date);

const resultsTo = (openid: string, status: 'sent' | 'refused' | 'all' = 'sent') => t.cloud.outbox.list({ touser: openid, status }).filter((entry) => entry.templateId === templates.recordResult.id);

describe('the author is told the result (审核结果通知)', () => {
  it('sends 已确认 to the author when the leader confirms, once', async () => {
    const before = resultsTo(WORKER).length;
    const { link, record } = await waiting('2026-11-03');
    expect(resultsTo(WORKER)).toHaveLength(before);
    dataOf(await t.call(LEADER, 'records.confirm', { token: link.token }));
    const sent = resultsTo(WORKER);
    expect(sent).toHaveLength(before + 1);
    expect(sent[0]).toMatchObject({
      page: `pages/record/index?id=${record.id}`,
      data: { thing1: { value: '一月一到访' }, date2: { value: '2026-11-03' }, phrase3: { value: '已确认' }, name4: { value: '王芳' }, thing5: { value: '已于2026-11-20确认，计入积分' } },
    });
    // A second confirmation changes nothing and sends nothing.
    expect(await t.call(LEADER, 'records.confirm', { token: link.token })).toMatchObject({ ok: false });
    expect(resultsTo(WORKER)).toHaveLength(before + 1);
  });

  it('sends 有异议 with the leader’s reason when the leader disputes', async () => {
    const { record } = await waiting('2026-11-04');
    dataOf(await t.call(LEADER, 'records.dispute', { recordId: record.id, revision: 1, reason: '参加人数与实际不符' }));
    expect(resultsTo(WORKER)[0]).toMatchObject({ data: { phrase3: { value: '有异议' }, thing5: { value: '异议：参加人数与实际不符' } } });
  });

  it('without the author’s allowance WeChat refuses it (43101), logged once, and the decision is stored', async () => {
    t.cloud.subscriptions.revoke(WORKER, templates.recordResult.id);
    const refusedBefore = resultsTo(WORKER, 'refused').length;
    const sentBefore = resultsTo(WORKER).length;
    const { record } = await waiting('2026-11-05');
    const decided = await t.call(LEADER, 'records.confirm', { recordId: record.id, revision: 1 });
    expect(decided).toMatchObject({ ok: true, data: { record: { state: 'confirmed' } } });
    expect(dataOf(await t.call(WORKER, 'records.get', { recordId: record.id })).record).toMatchObject({ state: 'confirmed', confirmed: { by: '王芳' } });
    expect(resultsTo(WORKER, 'refused')).toHaveLength(refusedBefore + 1);
    expect(resultsTo(WORKER, 'refused')[0]).toMatchObject({ errCode: 43101 });
    expect(resultsTo(WORKER)).toHaveLength(sentBefore);
  });

  it('one allowance gives one message: the tap at submit allows the next result', async () => {
    t.cloud.subscriptions.revoke(WORKER, templates.recordResult.id);
    t.cloud.subscriptions.grant(WORKER, templates.recordResult.id, 1);
    const sentBefore = resultsTo(WORKER).length;
    const first = await waiting('2026-11-06');
    const second = await waiting('2026-11-07');
    dataOf(await t.call(LEADER, 'records.confirm', { token: first.link.token }));
    dataOf(await t.call(LEADER, 'records.confirm', { token: second.link.token }));
    expect(resultsTo(WORKER)).toHaveLength(sentBefore + 1);
    expect(t.cloud.subscriptions.remaining(WORKER, templates.recordResult.id)).toBe(0);
  });
});

describe('home’s 结果: the latest decisions on the unit’s records, in the one records.home call', () => {
  it('lists the newest decisions first (by when they were decided), with the leader’s reason, at most five', async () => {
    const olderWork = await waiting('2026-10-02');
    const newerWork = await waiting('2026-11-12');
    moveTo(chinaInstant(2026, 11, 21, 9));
    dataOf(await t.call(LEADER, 'records.dispute', { token: newerWork.link.token, reason: '缺少活动照片' }));
    moveTo(chinaInstant(2026, 11, 21, 15));
    dataOf(await t.call(LEADER, 'records.confirm', { token: olderWork.link.token }));
    const home = dataOf(await t.call(WORKER, 'records.home', {}));
    expect(home.results).toHaveLength(5);
    expect(home.results.slice(0, 2)).toEqual([
      expect.objectContaining({ record: expect.objectContaining({ id: olderWork.record.id, state: 'confirmed' }), result: 'confirmed', by: '王芳', at: chinaInstant(2026, 11, 21, 15).toISOString() }),
      expect.objectContaining({ record: expect.objectContaining({ id: newerWork.record.id, state: 'disputed' }), result: 'disputed', by: '王芳', reason: '缺少活动照片' }),
    ]);
    expect(home.results[0]).not.toHaveProperty('reason');
    // The unit of another pairing sees none of them; the leader, who writes no records, has no 结果.
    expect(dataOf(await t.call('demo-chenjing', 'records.home', {})).results.map((result) => result.record.id)).not.toContain(olderWork.record.id);
    expect(dataOf(await t.call(LEADER, 'records.home', {})).results).toEqual([]);
  });

  it('drops a disputed record from 结果 once the unit starts its revision', async () => {
    const { record, link } = await waiting('2026-11-13');
    dataOf(await t.call(LEADER, 'records.dispute', { token: link.token, reason: '日期不对' }));
    expect(dataOf(await t.call(WORKER, 'records.home', {})).results.map((result) => result.record.id)).toContain(record.id);
    dataOf(await t.call(WORKER, 'records.revise', { recordId: record.id }));
    expect(dataOf(await t.call(WORKER, 'records.home', {})).results.map((result) => result.record.id)).not.toContain(record.id);
  });
});
