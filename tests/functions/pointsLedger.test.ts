import { chinaInstant } from '../../src/domain/time/chinaTime';
import { wxServerSdk } from '../../localcloud/sdk';
import { syncLedger } from '../../server/services/points/ledger';
import { visitRecord } from '../support/builders';
import { moveTo, restoreClock, standAt } from '../support/clock';
import type { TestCloud } from '../support/testCloud';
import { dataOf, openTestCloud } from '../support/testCloud';

/**
 * The district computation reads the points ledger; a unit's own view reads its records directly.
 * Through every step of a record's life the two must agree, and evaluation rounds must turn into points.
 */
const WORKER = 'demo-liming';
const LEADER = 'demo-wangfang';
const DISTRICT = 'demo-zhoutao';

let t: TestCloud;
let pairingId: string;
beforeAll(async () => {
  standAt(chinaInstant(2026, 11, 20, 10));
  t = await openTestCloud();
  pairingId = t.district.pairings[0]!._id;
});
afterAll(() => {
  t.close();
  restoreClock();
});

async function agree(): Promise<number> {
  const table = dataOf(await t.call(DISTRICT, 'points.table', {}));
  const own = dataOf(await t.call(WORKER, 'points.unit', {}));
  const row = table.rows.find((candidate) => candidate.unitId === own.unitId)!;
  expect({ total: row.total, pending: row.pending }).toEqual({ total: own.totals.total, pending: own.pending.length });
  return own.totals.total;
}

describe('the points ledger', () => {
  it('agrees with the records through submit, confirm, dispute, revise with new content, resubmit and confirm', async () => {
    const start = await agree();
    const saved = dataOf(await t.call(WORKER, 'records.save', visitRecord(pairingId, '2026-11-03', { kind: 'otherWork' })));
    await agree();
    const submitted = dataOf(await t.call(WORKER, 'records.submit', { recordId: saved.record.id, revision: 1 }));
    // Confirmed without any read in between: found again through its submission time.
    dataOf(await t.call(LEADER, 'records.confirm', { token: submitted.link.token }));
    expect(await agree()).toBe(start + 1);

    // A record the ledger saw waiting, then disputed, revised into a monthly visit, resubmitted and confirmed.
    const second = dataOf(await t.call(WORKER, 'records.save', visitRecord(pairingId, '2026-11-04', { kind: 'otherWork' })));
    dataOf(await t.call(WORKER, 'records.submit', { recordId: second.record.id, revision: 1 }));
    await agree();
    dataOf(await t.call(LEADER, 'records.dispute', { recordId: second.record.id, revision: 1, reason: '日期有误' }));
    await agree();
    dataOf(await t.call(WORKER, 'records.revise', { recordId: second.record.id }));
    const edited = visitRecord(pairingId, '2026-11-09', { kind: 'monthlyVisit' });
    dataOf(await t.call(WORKER, 'records.save', { ...edited, clientKey: second.record.id }));
    await agree();
    const again = dataOf(await t.call(WORKER, 'records.submit', { recordId: second.record.id, revision: 2 }));
    dataOf(await t.call(LEADER, 'records.confirm', { token: again.link.token }));
    // otherWork cap: the default gives 1 each up to 6; the revised record is now November's visit (+2).
    const total = await agree();
    expect(total).toBeGreaterThan(start + 1);

    // A confirmed record revised (locked until confirmed again) leaves the points until then.
    dataOf(await t.call(WORKER, 'records.revise', { recordId: saved.record.id }));
    await agree();
  });

  it('is rebuilt in full by its job when the clock has moved back', async () => {
    moveTo(chinaInstant(2026, 11, 22, 10));
    await syncLedger(wxServerSdk().database(), 2026, chinaInstant(2026, 11, 22, 10));
    await agree();
    moveTo(chinaInstant(2026, 11, 21, 10));
    await agree();
    await syncLedger(wxServerSdk().database(), 2026, chinaInstant(2026, 11, 21, 10));
    await agree();
    // Rebuilt in full: every part of the ledger was written anew at the earlier instant.
    const chunks = (await wxServerSdk().database().collection('pointsLedger').where({ year: 2026 }).limit(100).get()) as unknown as { data: Array<{ builtAt: number }> };
    expect(chunks.data.length).toBeGreaterThan(0);
    expect(new Set(chunks.data.map((chunk) => chunk.builtAt))).toEqual(new Set([chinaInstant(2026, 11, 21, 10).getTime()]));
    moveTo(chinaInstant(2026, 11, 20, 10));
  });
});

describe('database requests', () => {
  async function requestsOf(openid: string, action: 'points.table' | 'points.unit'): Promise<number> {
    t.cloud.db.resetStats();
    dataOf(await t.call(openid, action, {}));
    return t.cloud.db.stats.requests;
  }

  it('are 9 for a whole district’s points and 2 for one unit’s (README 性能)', async () => {
    await syncLedger(wxServerSdk().database(), 2026, chinaInstant(2026, 11, 20, 10)); // the job brought the ledger up to date
    await agree();
    // The district: the caller, configuration, pairings, streets, ledger, changes since its watermark, units, tags, evaluation rounds.
    expect(await requestsOf(DISTRICT, 'points.table')).toBe(9);
    // One unit: the caller, then one aggregate with everything the screen needs (server/repositories/pointsUnitYear.ts).
    expect(await requestsOf(WORKER, 'points.unit')).toBe(2);
  });
});

describe('evaluation points from the surveys', () => {
  it('turns a closed round into each unit’s points, computed once and kept', async () => {
    const round = (await wxServerSdk().database().collection('surveyRounds').where({ year: 2026 }).limit(1).get()) as unknown as { data: Array<{ _id: string }> };
    const roundId = round.data[0]!._id;
    const before = dataOf(await t.call('demo-chenjing', 'points.unit', {}));
    expect(before.pending.some((line) => line.state === 'evaluationOpen')).toBe(true);
    dataOf(await t.call(DISTRICT, 'surveys.close', { roundId }));
    const after = dataOf(await t.call('demo-chenjing', 'points.unit', {}));
    const line = after.lines.find((candidate) => candidate.source.type === 'evaluation')!;
    expect(line).toMatchObject({ ruleKey: 'evaluation.yearEnd', source: { roundId } });
    expect(line.points).toBeGreaterThan(0);
    expect(line.points).toBeLessThanOrEqual(10);
    expect(after.pending.some((candidate) => candidate.state === 'evaluationOpen')).toBe(false);
    expect(await t.count('pointsYear', { type: 'evaluationCache' })).toBe(1);
    const table = dataOf(await t.call(DISTRICT, 'points.table', {}));
    expect(table.rows.find((row) => row.unitId === 'unit-002')!.evaluation).toBe(line.points);
    expect(await t.count('pointsYear', { type: 'evaluationCache' })).toBe(1);
  });
});
