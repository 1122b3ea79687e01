/**
 * records.home is the whole home screen in one call: the caller (what session.whoami answers) and
 * the org leaders waiting for their approval (what session.pendingLeaders answers) come with the
 * record book's part; its reads are bounded, so more records change neither its requests nor what
 * it shows wrongly: the latest five are the five newest, and every record waiting on the unit is there.
 */
import { chinaInstant } from '../../src/domain/time/chinaTime';
import { wxServerSdk } from '../../localcloud/sdk';
import { visitRecord } from '../support/builders';
import { restoreClock, standAt } from '../support/clock';
import type { TestCloud } from '../support/testCloud';
import { dataOf, openTestCloud } from '../support/testCloud';

let t: TestCloud;
beforeAll(async () => {
  standAt(chinaInstant(2026, 11, 20, 10));
  t = await openTestCloud();
});
afterAll(() => {
  t.close();
  restoreClock();
});

async function requestsOf(work: () => Promise<unknown>): Promise<number> {
  t.cloud.db.resetStats();
  await work();
  return t.cloud.db.stats.requests;
}

describe('records.home', () => {
  it.each(['demo-liming', 'demo-chenjing', 'demo-wangfang', 'demo-wuhua', 'demo-sunli', 'demo-zhoutao'])('answers what whoami and pendingLeaders answer, for %s', async (openid) => {
    const home = dataOf(await t.call(openid, 'records.home', {}));
    expect(home.person).toEqual(dataOf(await t.call(openid, 'session.whoami', {})).person);
    expect(home.pendingLeaders).toEqual(dataOf(await t.call(openid, 'session.pendingLeaders', {})).items);
  });

  it('shows a pending leader to the unit that may approve them', async () => {
    const everyone = await Promise.all(['demo-liming', 'demo-chenjing', 'demo-wuhua'].map(async (openid) => dataOf(await t.call(openid, 'records.home', {})).pendingLeaders));
    expect(everyone.flat().map((leader) => leader.name)).toContain('刘洋');
  });

  it('answers a person who has not joined with person null, as whoami, and nothing of anyone’s work', async () => {
    const home = dataOf(await t.call('someone-new', 'records.home', {}));
    expect(home).toMatchObject({ person: null, pairings: [], toConfirm: [], pendingLeaders: [] });
    expect(dataOf(await t.call('someone-new', 'session.whoami', {})).person).toBeNull();
  });

  it('reads the same number of requests however many records, and shows the newest five and all waiting', async () => {
    const pairingId = t.district.pairings[0]!._id;
    const before = await requestsOf(() => t.call('demo-liming', 'records.home', {}));
    for (let day = 1; day <= 24; day += 1) {
      const saved = dataOf(await t.call('demo-liming', 'records.save', visitRecord(pairingId, `2026-${String(1 + (day % 10)).padStart(2, '0')}-${String(day).padStart(2, '0')}`, { kind: 'otherWork' })));
      if (day % 3 !== 0) dataOf(await t.call('demo-liming', 'records.submit', { recordId: saved.record.id, revision: 1 }));
    }
    expect(await requestsOf(() => t.call('demo-liming', 'records.home', {}))).toBe(before);
    const home = dataOf(await t.call('demo-liming', 'records.home', {}));
    const mine = home.pairings.find((pairing) => pairing.pairingId === pairingId)!;
    const all = ((await wxServerSdk().database().collection('records').where({ pairingId }).limit(1000).get()) as unknown as { data: Array<{ _id: string; date: string; state: string }> }).data;
    const newest = [...all].sort((a, b) => (a.date === b.date ? b._id.localeCompare(a._id) : b.date.localeCompare(a.date))).slice(0, 5);
    expect(mine.latest.map((record) => record.id)).toEqual(newest.map((record) => record._id));
    const waiting = all.filter((record) => ['draft', 'disputed', 'revised'].includes(record.state)).map((record) => record._id);
    expect(mine.waitingOnMe.map((record) => record.id).sort()).toEqual(waiting.sort());
    expect(waiting.length).toBeGreaterThanOrEqual(8);
  });
});
