import type { ActionInput, ActionName, ActionOutput } from '../../src/contract/actions';
import { functionOf } from '../../src/contract/actions';
import type { ActionResult } from '../../src/contract/result';
import type { LocalCloud } from '../../localcloud';
import { median } from './stats';
import type { Figure } from './stats';

type Call = <K extends ActionName>(openid: string, action: K, input: ActionInput<K>) => Promise<ActionOutput<K>>;

/**
 * Database requests of one action call, counted by the local database at its wire (the same requests
 * WeChat would bill): every get, count, add, update, remove and aggregate, and inside a transaction each
 * operation plus its start and its commit (or abort); a `runTransaction` retried after a conflict counts
 * its every attempt. The caller's own read (who is calling) is included.
 */
export async function requestsPerCall(cloud: LocalCloud, pairingId: string, today: string): Promise<Figure[]> {
  const call: Call = async (openid, action, input) => {
    const result = (await cloud.callAs(openid, functionOf(action), { action, input })) as ActionResult<never>;
    if (!result.ok) throw new Error(`${action}: ${result.error.code} ${result.error.message}`);
    return result.data;
  };
  const counted = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
    cloud.db.resetStats();
    const value = await work();
    return [value, cloud.db.stats.requests];
  };
  const samples = new Map<string, number[]>();
  const note = (name: string, requests: number) => samples.set(name, [...(samples.get(name) ?? []), requests]);

  for (let round = 0; round < 5; round += 1) {
    note('session.whoami', (await counted(() => call('demo-liming', 'session.whoami', {})))[1]);
    note('records.home (unit worker)', (await counted(() => call('demo-liming', 'records.home', {})))[1]);
    note('records.home (party leader)', (await counted(() => call('demo-wangfang', 'records.home', {})))[1]);
    note('session.pendingLeaders', (await counted(() => call('demo-liming', 'session.pendingLeaders', {})))[1]);
    note('plans.mine', (await counted(() => call('demo-liming', 'plans.mine', {})))[1]);
    note('points.unit', (await counted(() => call('demo-liming', 'points.unit', {})))[1]);
    const [assessment, assessmentRequests] = await counted(() => call('demo-zhaojun', 'points.selfAssessment', {}));
    note('points.selfAssessment', assessmentRequests);
    note('points.submitSelfAssessment', (await counted(() => call('demo-zhaojun', 'points.submitSelfAssessment', { unitId: assessment.unitId, year: assessment.year, items: [], remarks: '按记录本自评' })))[1]);
    const [checkIn, checkInRequests] = await counted(() => call('demo-liming', 'records.checkIn', { pairingId, latitude: 22.72, longitude: 114.25, accuracy: 25 }));
    note('records.checkIn', checkInRequests);
    const clientKey = `bench-${Date.now().toString(36)}-${round}`;
    const [saved, saveRequests] = await counted(() =>
      call('demo-liming', 'records.save', {
        clientKey,
        pairingId,
        kind: 'monthlyVisit',
        date: today,
        contentAreas: ['partyMassBuilding'],
        content: '走访企业党支部',
        results: '形成问题清单',
        participants: { unit: { count: 1, names: [] }, org: { count: 2, names: [] } },
        checkInId: checkIn.checkIn.id,
      }),
    );
    note('records.save (new, with check-in)', saveRequests);
    const [, editRequests] = await counted(() =>
      call('demo-liming', 'records.save', {
        clientKey,
        pairingId,
        kind: 'monthlyVisit',
        date: today,
        contentAreas: ['partyMassBuilding'],
        content: '走访企业党支部',
        results: '形成问题清单，明确责任人',
        participants: { unit: { count: 1, names: [] }, org: { count: 2, names: [] } },
        checkInId: checkIn.checkIn.id,
      }),
    );
    note('records.save (edit of the draft)', editRequests);
    const [submitted, submitRequests] = await counted(() => call('demo-liming', 'records.submit', { recordId: saved.record.id, revision: 1 }));
    note('records.submit', submitRequests);
    note('records.get (confirm page)', (await counted(() => call('demo-wangfang', 'records.get', { token: submitted.link.token })))[1]);
    note('records.confirm', (await counted(() => call('demo-wangfang', 'records.confirm', { token: submitted.link.token })))[1]);
    note('records.pending', (await counted(() => call('demo-wangfang', 'records.pending', {})))[1]);
  }
  return [...samples].map(([name, values]) => ({ name: `database requests per call: ${name}`, value: median(values), unit: 'requests (median)' }));
}
