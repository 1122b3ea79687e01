import type { PointRule } from '../../src/domain/points/rules';
import { chinaInstant } from '../../src/domain/time/chinaTime';
import { visitRecord } from '../support/builders';
import { moveTo, restoreClock, standAt } from '../support/clock';
import { dumpDatabase } from '../support/databaseDump';
import type { TestCloud } from '../support/testCloud';
import { addPerson, dataOf, openTestCloud } from '../support/testCloud';

/**
 * Issue 12: a street's own rule version keeps applying to the units it arranges until the street
 * saves a newer one or adopts the district's (points.adoptDistrictRules); a later district version
 * does not replace it. Points are read through points.unit, as the pages read them.
 */
const STREET = 'demo-sunli'; // 龙城街道共建办
const OTHER_STREET = 'test-adopt-buji-office';
const DISTRICT = 'demo-zhoutao';
const DISTRICT_WORKER = 'demo-liming'; // unit-001, arranged by the district
const STREET_WORKER = 'test-adopt-street-staff';
const STREET_LEADER = 'test-adopt-street-leader';

let t: TestCloud;
let streetPairing: { _id: string; unitId: string; orgId: string };
let districtPairingId: string;

beforeAll(async () => {
  standAt(chinaInstant(2026, 3, 10, 10));
  t = await openTestCloud();
  const pairing = t.district.pairings.find((candidate) => candidate.arrangedBy === 'street' && candidate.unitStreetId === 'street-longcheng');
  if (!pairing) throw new Error('the demo district has no unit arranged by 龙城街道');
  streetPairing = pairing;
  districtPairingId = t.district.pairings[0]!._id;
  await addPerson(OTHER_STREET, '布吉共建办', [{ role: 'streetOffice', scopeType: 'street', scopeId: 'street-buji' }]);
  await addPerson(STREET_WORKER, '街道单位联络员', [{ role: 'unitStaff', scopeType: 'unit', scopeId: pairing.unitId }]);
  await addPerson(STREET_LEADER, '街道结对书记', [{ role: 'orgLeader', scopeType: 'org', scopeId: pairing.orgId }]);
});
afterAll(() => {
  t.close();
  restoreClock();
});

async function confirmedVisit(worker: string, leader: string, pairingId: string, date: string) {
  const saved = dataOf(await t.call(worker, 'records.save', visitRecord(pairingId, date)));
  const submitted = dataOf(await t.call(worker, 'records.submit', { recordId: saved.record.id, revision: 1 }));
  dataOf(await t.call(leader, 'records.confirm', { token: submitted.link.token }));
}

/** The monthly visit line of a date, as points.unit explains it: [version label, points]. */
async function visitOn(openid: string, unitId: string | undefined, date: string) {
  const view = dataOf(await t.call(openid, 'points.unit', unitId ? { unitId } : {}));
  const line = view.lines.find((candidate) => candidate.ruleKey === 'monthlyVisit' && candidate.date === date);
  return line ? [line.versionLabel, line.points] : null;
}

const withVisit = (rules: readonly PointRule[], points: number): PointRule[] =>
  rules.map((rule) => (rule.target.type === 'cadence' && rule.target.kind === 'monthlyVisit' ? { ...rule, points, latePoints: 1, cap: 60 } : rule));

const longcheng = { kind: 'street' as const, streetId: 'street-longcheng' };

it('keeps the street’s own version over a later district one until the street adopts the district’s, from that day', async () => {
  const districtRules = dataOf(await t.call(DISTRICT, 'points.rules', {})).versions.at(-1)!;
  const base = { year: 2026, yearCap: 100, lateAfterDays: 10 };

  // 10 March: 龙城街道 saves its own version (a visit earns 5).
  dataOf(await t.call(STREET, 'points.saveRules', { ...base, scope: longcheng, effectiveFrom: '2026-03-10', rules: withVisit(districtRules.rules, 5) } as never));

  // 5 April: the district saves version 2 (a visit earns 3). The street's units keep the street's version.
  moveTo(chinaInstant(2026, 4, 5, 10));
  dataOf(await t.call(DISTRICT, 'points.saveRules', { ...base, scope: { kind: 'district' }, effectiveFrom: '2026-04-05', rules: withVisit(districtRules.rules, 3) } as never));
  moveTo(chinaInstant(2026, 4, 10, 10));
  await confirmedVisit(STREET_WORKER, STREET_LEADER, streetPairing._id, '2026-04-08');
  await confirmedVisit(DISTRICT_WORKER, 'demo-wangfang', districtPairingId, '2026-04-08');
  expect(await visitOn(STREET_WORKER, undefined, '2026-04-08')).toEqual(['街道第1版（2026-03-10起）', 5]);
  expect(await visitOn(DISTRICT_WORKER, undefined, '2026-04-08')).toEqual(['区第2版（2026-04-05起）', 3]);

  // 6 May: the street adopts the district's rules from 20 May.
  moveTo(chinaInstant(2026, 5, 6, 10));
  const adopted = dataOf(await t.call(STREET, 'points.adoptDistrictRules', { year: 2026, streetId: 'street-longcheng', effectiveFrom: '2026-05-20' }));
  expect(adopted.ruleSet).toMatchObject({ version: 2, scope: longcheng, followsDistrict: true, effectiveFrom: '2026-05-20', label: '街道第2版：采用区的积分规则（2026-05-20起）', savedBy: '孙丽' });
  moveTo(chinaInstant(2026, 5, 14, 10));
  await confirmedVisit(STREET_WORKER, STREET_LEADER, streetPairing._id, '2026-05-12');

  // 10 June: a record dated before 20 May keeps the street's version; one from 20 May on takes the district's.
  moveTo(chinaInstant(2026, 6, 10, 10));
  await confirmedVisit(STREET_WORKER, STREET_LEADER, streetPairing._id, '2026-06-03');
  expect(await visitOn(STREET, streetPairing.unitId, '2026-04-08')).toEqual(['街道第1版（2026-03-10起）', 5]);
  expect(await visitOn(STREET, streetPairing.unitId, '2026-05-12')).toEqual(['街道第1版（2026-03-10起）', 5]);
  expect(await visitOn(STREET, streetPairing.unitId, '2026-06-03')).toEqual(['区第2版（2026-04-05起）', 3]);

  // The rules page's answer: whose rules apply from when, and who made the switch.
  const view = dataOf(await t.call(STREET, 'points.rules', { streetId: 'street-longcheng' }));
  expect(view.sources).toEqual([
    { source: 'district', from: '2026-01-01' },
    { source: 'street', from: '2026-03-10', label: '街道第1版（2026-03-10起）', savedBy: '孙丽', savedAt: expect.any(String) },
    { source: 'district', from: '2026-05-20', label: '街道第2版：采用区的积分规则（2026-05-20起）', savedBy: '孙丽', savedAt: expect.any(String) },
  ]);
  expect(view.inForce).toBe(2);
  expect(view.versions.find((version) => version.version === view.inForce && version.scope.kind === 'district')?.label).toBe('区第2版（2026-04-05起）');

  // A street that follows the district can still save its own version, as before.
  const own = dataOf(await t.call(STREET, 'points.saveRules', { ...base, scope: longcheng, effectiveFrom: '2026-07-01', rules: withVisit(districtRules.rules, 4) } as never));
  expect(own.ruleSet.label).toBe('街道第3版（2026-07-01起）');
  const after = dataOf(await t.call(STREET, 'points.rules', { streetId: 'street-longcheng' }));
  expect(after.sources.map((run) => [run.source, run.from])).toEqual([
    ['district', '2026-01-01'],
    ['street', '2026-03-10'],
    ['district', '2026-05-20'],
    ['street', '2026-07-01'],
  ]);
});

it('refuses another street’s office, the district office, a day in the past and a street already following the district — writing nothing', async () => {
  moveTo(chinaInstant(2026, 6, 10, 10));
  const adopt = (effectiveFrom: string, streetId = 'street-longcheng') => ({ year: 2026, streetId, effectiveFrom });
  const attempts: Array<[string, ReturnType<typeof adopt>, object]> = [
    [OTHER_STREET, adopt('2026-07-15'), { code: 'FORBIDDEN', message: '只能由本街道党群共建办改为采用区的积分规则' }],
    [DISTRICT, adopt('2026-07-15'), { code: 'FORBIDDEN', message: '只能由本街道党群共建办改为采用区的积分规则' }],
    [STREET, adopt('2026-07-15', 'street-buji'), { code: 'FORBIDDEN', message: '只能由本街道党群共建办改为采用区的积分规则' }],
    [DISTRICT_WORKER, adopt('2026-07-15'), { code: 'FORBIDDEN' }],
    [STREET, adopt('2026-06-01'), { code: 'INVALID_INPUT', field: 'effectiveFrom', message: '生效日期不能早于今天（2026-06-10）：已获得的积分按当时的规则计算，规则不能追溯' }],
    [STREET, adopt('2027-01-05'), { code: 'INVALID_INPUT', field: 'effectiveFrom', message: '生效日期须在2026年内' }],
    // From 1 July the street has its own version 3 (previous test); on 20 June it still follows the district.
    [STREET, adopt('2026-06-20'), { code: 'INVALID_INPUT', field: 'effectiveFrom', message: '2026-06-20起本街道已采用区的积分规则，无需再改' }],
  ];
  for (const [openid, input, error] of attempts) {
    const before = dumpDatabase(t.cloud);
    const result = await t.call(openid, 'points.adoptDistrictRules', input);
    expect(result.ok ? 'ok' : result.error).toMatchObject(error);
    expect(dumpDatabase(t.cloud)).toBe(before);
  }
  // A street that never had its own version follows the district already.
  await addPerson('test-adopt-bantian-office', '坂田共建办', [{ role: 'streetOffice', scopeType: 'street', scopeId: 'street-bantian' }]);
  const bantian = await t.call('test-adopt-bantian-office', 'points.adoptDistrictRules', adopt('2026-07-15', 'street-bantian'));
  expect(bantian.ok ? 'ok' : bantian.error.message).toBe('2026-07-15起本街道已采用区的积分规则，无需再改');
});
