/**
 * Every action a unit worker, a unit head or an org leader takes, and the screens the offices open
 * over a unit, answer in at most three database requests (the caller's own read included), counted
 * by the local database the way WeChat bills them: each read, write, aggregate, and each operation,
 * start and commit of a transaction. What each action answers is tested with the action itself.
 */
import { chinaDateString, chinaInstant } from '../../src/domain/time/chinaTime';
import type { ActionInput, ActionName } from '../../src/contract/actions';
import { visitRecord } from '../support/builders';
import { dataOf, useTestCloudAt } from '../support/testCloud';

const MAX_REQUESTS = 3;
const cloud = useTestCloudAt(chinaInstant(2026, 11, 20, 10));
const today = () => chinaDateString(new Date());

async function requestsOf<K extends ActionName>(openid: string, action: K, input: ActionInput<K>): Promise<number> {
  const t = cloud();
  t.cloud.db.resetStats();
  dataOf(await t.call(openid, action, input));
  return t.cloud.db.stats.requests;
}

const pairingId = () => cloud().district.pairings[0]!._id;
const unitId = () => cloud().district.pairings[0]!.unitId;

describe('database requests per action', () => {
  it.each([
    ['a unit worker', 'demo-liming'],
    ['a unit head', 'demo-zhaojun'],
    ['a street office', 'demo-sunli'],
    ['the district office', 'demo-zhoutao'],
    ['an org leader', 'demo-wangfang'],
  ])('plans.mine for %s', async (_who, openid) => {
    expect(await requestsOf(openid, 'plans.mine', {})).toBeLessThanOrEqual(MAX_REQUESTS);
  });

  it.each([
    ['its worker', 'demo-liming', undefined],
    ['its head', 'demo-zhaojun', undefined],
    ['its street office', 'demo-sunli', 'unit'],
    ['the district office', 'demo-zhoutao', 'unit'],
  ] as const)('points.unit and points.selfAssessment for %s', async (_who, openid, named) => {
    const input = named ? { unitId: unitId() } : {};
    expect(await requestsOf(openid, 'points.unit', input)).toBeLessThanOrEqual(MAX_REQUESTS);
    expect(await requestsOf(openid, 'points.selfAssessment', input)).toBeLessThanOrEqual(MAX_REQUESTS);
  });

  it('points.submitSelfAssessment by the unit head', async () => {
    expect(await requestsOf('demo-zhaojun', 'points.submitSelfAssessment', { unitId: unitId(), year: 2026, items: [], remarks: '按记录本自评' })).toBeLessThanOrEqual(MAX_REQUESTS);
  });

  it('a visit from the check-in at the gate to the leader’s confirmation', async () => {
    const t = cloud();
    t.cloud.db.resetStats();
    const checkIn = dataOf(await t.call('demo-liming', 'records.checkIn', { pairingId: pairingId(), latitude: 22.72, longitude: 114.25, accuracy: 25 }));
    expect(t.cloud.db.stats.requests).toBeLessThanOrEqual(MAX_REQUESTS);

    const draft = visitRecord(pairingId(), today(), { checkInId: checkIn.checkIn.id });
    expect(await requestsOf('demo-liming', 'records.save', draft)).toBeLessThanOrEqual(MAX_REQUESTS);
    expect(await requestsOf('demo-liming', 'records.save', { ...draft, results: '明确换届时间表，补齐 4 项制度。' })).toBeLessThanOrEqual(MAX_REQUESTS);
    expect(await requestsOf('demo-liming', 'records.save', draft)).toBeLessThanOrEqual(MAX_REQUESTS); // saved again unchanged

    t.cloud.db.resetStats();
    const submitted = dataOf(await t.call('demo-liming', 'records.submit', { recordId: draft.clientKey, revision: 1 }));
    expect(t.cloud.db.stats.requests).toBeLessThanOrEqual(MAX_REQUESTS);
    expect(await requestsOf('demo-wangfang', 'records.pending', {})).toBeLessThanOrEqual(MAX_REQUESTS);
    expect(await requestsOf('demo-wangfang', 'records.get', { token: submitted.link.token })).toBeLessThanOrEqual(MAX_REQUESTS);
    expect(await requestsOf('demo-wangfang', 'records.confirm', { token: submitted.link.token })).toBeLessThanOrEqual(MAX_REQUESTS);
  });

  it('records.withdraw of a waiting record, and records.revise of a disputed and of a confirmed one', async () => {
    const t = cloud();
    const sent = async (date: string) => {
      const draft = visitRecord(pairingId(), date);
      dataOf(await t.call('demo-liming', 'records.save', draft));
      return dataOf(await t.call('demo-liming', 'records.submit', { recordId: draft.clientKey, revision: 1 }));
    };
    const waiting = await sent('2026-11-16');
    expect(await requestsOf('demo-liming', 'records.withdraw', { recordId: waiting.record.id, revision: 1 })).toBeLessThanOrEqual(MAX_REQUESTS);

    const disputed = await sent('2026-11-17');
    dataOf(await t.call('demo-wangfang', 'records.dispute', { token: disputed.link.token, reason: '人数不对' }));
    expect(await requestsOf('demo-liming', 'records.revise', { recordId: disputed.record.id })).toBeLessThanOrEqual(MAX_REQUESTS);

    const confirmed = await sent('2026-11-18');
    dataOf(await t.call('demo-wangfang', 'records.confirm', { token: confirmed.link.token }));
    expect(await requestsOf('demo-liming', 'records.revise', { recordId: confirmed.record.id })).toBeLessThanOrEqual(MAX_REQUESTS);
    // The leader's link from before the revision still opens the record.
    expect(await requestsOf('demo-wangfang', 'records.get', { token: confirmed.link.token })).toBeLessThanOrEqual(MAX_REQUESTS);
  });

  it('records.save of a new record without a check-in, and of a paper record by the street office', async () => {
    expect(await requestsOf('demo-liming', 'records.save', visitRecord(pairingId(), today(), { kind: 'otherWork' }))).toBeLessThanOrEqual(MAX_REQUESTS);
    expect(await requestsOf('demo-sunli', 'records.save', { ...visitRecord(pairingId(), today(), { kind: 'otherWork' }), paper: true })).toBeLessThanOrEqual(MAX_REQUESTS);
  });

  it('session.whoami and session.pendingLeaders', async () => {
    expect(await requestsOf('demo-liming', 'session.whoami', {})).toBeLessThanOrEqual(MAX_REQUESTS);
    expect(await requestsOf('demo-liming', 'session.pendingLeaders', {})).toBeLessThanOrEqual(MAX_REQUESTS);
  });
});

describe('database requests of the home screen', () => {
  it.each([
    ['a unit worker', 'demo-liming'],
    ['an org leader', 'demo-wangfang'],
  ])('records.home for %s', async (_who, openid) => {
    expect(await requestsOf(openid, 'records.home', {})).toBeLessThanOrEqual(MAX_REQUESTS);
  });
});
