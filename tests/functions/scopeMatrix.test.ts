import type { ActionName } from '../../src/contract/actions';
import { chinaInstant } from '../../src/domain/time/chinaTime';
import { wxServerSdk } from '../../localcloud/sdk';
import { visitRecord } from '../support/builders';
import { restoreClock, standAt } from '../support/clock';
import { dumpDatabase } from '../support/databaseDump';
import { addMatrixPeople, matrixActors } from '../support/matrixActors';
import type { MatrixActor, MatrixOutcome } from '../support/matrixActors';
import type { TestCloud } from '../support/testCloud';
import { addPerson, dataOf, openTestCloud } from '../support/testCloud';
import { SEEDED_ROUND } from './surveysFixture';

/**
 * The cross-scope matrix: every cloud function, every role, in and out of the scope of pairing 1
 * (区发展和改革局 ↔ 深圳华星光电科技有限公司, 龙城街道). Each refusal is compared against a dump of
 * every collection taken just before it: a refused probe writes nothing. Each allowed probe succeeds.
 * (Records, administration, plans and 投诉建议 have their own matrices too: recordPermissions,
 * adminPermissions.)
 */
jest.setTimeout(120_000);

const actors = matrixActors;
type Actor = MatrixActor;
type Expected = Record<Actor, MatrixOutcome>;

let t: TestCloud;
let pairingId: string;
let unitId: string;
let orgId: string;
let serial = 0;
const next = () => (serial += 1);
const db = () => wxServerSdk().database();

beforeAll(async () => {
  standAt(chinaInstant(2026, 6, 10, 10));
  t = await openTestCloud();
  const first = t.district.pairings[0]!;
  pairingId = first._id;
  unitId = first.unitId;
  orgId = first.orgId;
  await addMatrixPeople(t);
});
afterAll(() => {
  t.close();
  restoreClock();
});

const nobody: Expected = { unitStaff: 'FORBIDDEN', unitHead: 'FORBIDDEN', otherUnitStaff: 'FORBIDDEN', orgLeader: 'FORBIDDEN', pendingLeader: 'FORBIDDEN', otherOrgLeader: 'FORBIDDEN', streetOffice: 'FORBIDDEN', otherStreetOffice: 'FORBIDDEN', districtOffice: 'FORBIDDEN', stranger: 'UNAUTHENTICATED' };
const everyone: Expected = { unitStaff: 'ok', unitHead: 'ok', otherUnitStaff: 'ok', orgLeader: 'ok', pendingLeader: 'ok', otherOrgLeader: 'ok', streetOffice: 'ok', otherStreetOffice: 'ok', districtOffice: 'ok', stranger: 'UNAUTHENTICATED' };
const offices: Expected = { ...nobody, streetOffice: 'ok', otherStreetOffice: 'ok', districtOffice: 'ok' };
const longchengOffices: Expected = { ...offices, otherStreetOffice: 'FORBIDDEN' };
const districtOnly: Expected = { ...nobody, districtOffice: 'ok' };
const unitSide: Expected = { ...nobody, unitStaff: 'ok', unitHead: 'ok' };

/** A confirmed record of pairing 1 (the demo seeds the months before the clock). */
async function confirmedRecord(): Promise<string> {
  const found = ((await db().collection('records').where({ pairingId, state: 'confirmed' }).limit(1).get()) as { data: Array<{ _id: string }> }).data[0];
  if (!found) throw new Error('no confirmed record of pairing 1 in the demo');
  return found._id;
}

async function draftRecord(): Promise<string> {
  return dataOf(await t.call(actors.unitStaff, 'records.save', visitRecord(pairingId, '2026-06-09'))).record.id;
}

/** An activity of pairing 1 today, posted by its unit. */
async function activityToday(): Promise<string> {
  const posted = await t.call(actors.unitStaff, 'activities.post', { pairingId, title: `联合活动${next()}`, date: '2026-06-10', startTime: '09:30', place: '企业会议室', agenda: '学习交流' });
  return dataOf(posted).activity.id;
}

/** A record of pairing 1 handed in with a check-in far from the org: it waits in 待核查 (outsideGeofence). */
async function flaggedRecord(): Promise<string> {
  const checkIn = dataOf(await t.call(actors.unitStaff, 'records.checkIn', { pairingId, latitude: 23.1291, longitude: 113.2644, accuracy: 15 })).checkIn;
  if (checkIn.flags.length === 0) throw new Error('expected the far check-in to be flagged');
  const saved = dataOf(await t.call(actors.unitStaff, 'records.save', visitRecord(pairingId, '2026-06-10', { checkInId: checkIn.id })));
  return dataOf(await t.call(actors.unitStaff, 'records.submit', { recordId: saved.record.id, revision: 1 })).record.id;
}

/** A draft bulletin of 龙城街道 for the first quarter. */
async function longchengBulletin(): Promise<string> {
  return dataOf(await t.call(actors.streetOffice, 'bulletins.generate', { year: 2026, quarter: 1, streetId: 'street-longcheng' })).bulletin.id;
}

/** A fresh party leader of org 1 waiting for approval. */
async function pendingPerson(): Promise<string> {
  const openid = `test-waiting-${next()}`;
  await addPerson(openid, '新负责人', [{ role: 'orgLeader', scopeType: 'org', scopeId: orgId, approved: false }]);
  return `person-${openid}`;
}

/** Unit 1's plan with a file 李明 uploaded, for plans.get (which signs it). */
async function planWithAttachment(): Promise<unknown> {
  const { fileID } = (await wxServerSdk().uploadFile({ cloudPath: `uploads/${actors.unitStaff}/plans/2026/${unitId}/${next()}.pdf`, fileContent: Buffer.from('%PDF-1.4\n%%EOF\n') })) as { fileID: string };
  dataOf(await t.call(actors.unitStaff, 'plans.save', { subjectType: 'unit', subjectId: unitId, year: 2026, text: '方案', attachments: [{ fileId: fileID, name: '方案.pdf' }] }));
  return { planId: `plan-2026-unit-${unitId}` };
}

interface Case {
  readonly name: string;
  readonly action: ActionName;
  readonly input: () => Promise<unknown>;
  readonly expected: Expected;
}

const cases: Case[] = [
  // session
  { name: 'session.whoami', action: 'session.whoami', input: async () => ({}), expected: { ...everyone, stranger: 'ok' } },
  { name: 'session.invite (unit 1)', action: 'session.invite', input: async () => ({ scopeType: 'unit', scopeId: unitId }), expected: { ...longchengOffices, unitStaff: 'ok', unitHead: 'ok' } },
  { name: 'session.invite (org 1)', action: 'session.invite', input: async () => ({ scopeType: 'org', scopeId: orgId }), expected: { ...longchengOffices, unitStaff: 'ok', unitHead: 'ok', orgLeader: 'ok', pendingLeader: 'PENDING_APPROVAL' } },
  { name: 'session.pendingLeaders', action: 'session.pendingLeaders', input: async () => ({}), expected: everyone },
  {
    name: 'session.approveLeader (org 1)',
    action: 'session.approveLeader',
    input: async () => ({ personId: await pendingPerson(), orgId }),
    expected: { ...longchengOffices, unitStaff: 'ok', unitHead: 'ok', orgLeader: 'ok', pendingLeader: 'PENDING_APPROVAL' },
  },
  // records (the rest in recordPermissions)
  { name: 'records.list (pairing 1, drafts)', action: 'records.list', input: async () => ({ pairingId, state: 'draft', limit: 50 }), expected: { ...everyone } },
  { name: 'records.get (draft)', action: 'records.get', input: async () => ({ recordId: await draftRecord() }), expected: { ...unitSide, otherUnitStaff: 'NOT_FOUND', orgLeader: 'NOT_FOUND', pendingLeader: 'NOT_FOUND', otherOrgLeader: 'NOT_FOUND', streetOffice: 'ok', otherStreetOffice: 'NOT_FOUND', districtOffice: 'ok' } },
  // activities
  { name: 'activities.post (pairing 1)', action: 'activities.post', input: async () => ({ pairingId, title: `联合活动${next()}`, date: '2026-06-20', startTime: '09:30', place: '企业会议室', agenda: '学习交流' }), expected: unitSide },
  { name: 'activities.list (pairing 1)', action: 'activities.list', input: async () => ({ pairingId }), expected: everyone },
  { name: 'activities.get', action: 'activities.get', input: async () => ({ activityId: await activityToday() }), expected: { ...everyone, otherUnitStaff: 'NOT_FOUND', otherOrgLeader: 'NOT_FOUND', otherStreetOffice: 'NOT_FOUND' } },
  { name: 'activities.venueCode', action: 'activities.venueCode', input: async () => ({ activityId: await activityToday() }), expected: { ...unitSide, otherUnitStaff: 'NOT_FOUND' } },
  {
    name: 'activities.attend',
    action: 'activities.attend',
    input: async () => {
      const activityId = await activityToday();
      return { activityId, code: dataOf(await t.call(actors.unitStaff, 'activities.venueCode', { activityId })).code };
    },
    expected: { ...unitSide, orgLeader: 'ok', pendingLeader: 'ok', otherUnitStaff: 'NOT_FOUND', otherOrgLeader: 'NOT_FOUND', otherStreetOffice: 'NOT_FOUND' },
  },
  // surveys
  { name: 'surveys.list', action: 'surveys.list', input: async () => ({}), expected: offices },
  { name: 'surveys.create (龙城街道)', action: 'surveys.create', input: async () => ({ period: 'yearEnd', year: 2026, endDate: '2026-09-30', streetId: 'street-longcheng' }), expected: longchengOffices },
  { name: 'surveys.round (district round)', action: 'surveys.round', input: async () => ({ roundId: SEEDED_ROUND }), expected: offices },
  { name: 'surveys.results (pairing 1)', action: 'surveys.results', input: async () => ({ roundId: SEEDED_ROUND, pairingId }), expected: { ...longchengOffices, unitStaff: 'ok', unitHead: 'ok' } },
  { name: 'surveys.export', action: 'surveys.export', input: async () => ({ roundId: SEEDED_ROUND }), expected: offices },
  { name: 'surveys.mine', action: 'surveys.mine', input: async () => ({}), expected: everyone },
  { name: 'surveys.links (pairing 1)', action: 'surveys.links', input: async () => ({ roundId: SEEDED_ROUND, pairingId }), expected: { ...longchengOffices, orgLeader: 'ok', pendingLeader: 'PENDING_APPROVAL' } },
  { name: 'surveys.ballotCodes (pairing 1)', action: 'surveys.ballotCodes', input: async () => ({ roundId: SEEDED_ROUND, pairingId, group: 'owner', add: 0 }), expected: { ...longchengOffices, orgLeader: 'ok', pendingLeader: 'PENDING_APPROVAL' } },
  // points
  { name: 'points.rules', action: 'points.rules', input: async () => ({ year: 2026 }), expected: everyone },
  { name: 'points.settings', action: 'points.settings', input: async () => ({ year: 2026 }), expected: everyone },
  { name: 'points.saveSettings', action: 'points.saveSettings', input: async () => ({ year: 2026, unitRankings: false, selfAssessmentDeadline: '2027-01-15' }), expected: districtOnly },
  { name: 'points.unit (unit 1)', action: 'points.unit', input: async () => ({ unitId, year: 2026 }), expected: { ...longchengOffices, unitStaff: 'ok', unitHead: 'ok', otherUnitStaff: 'NOT_FOUND', orgLeader: 'NOT_FOUND', pendingLeader: 'NOT_FOUND', otherOrgLeader: 'NOT_FOUND', otherStreetOffice: 'NOT_FOUND' } },
  { name: 'points.selfAssessment (unit 1)', action: 'points.selfAssessment', input: async () => ({ unitId, year: 2026 }), expected: { ...longchengOffices, unitStaff: 'ok', unitHead: 'ok', otherUnitStaff: 'NOT_FOUND', orgLeader: 'NOT_FOUND', pendingLeader: 'NOT_FOUND', otherOrgLeader: 'NOT_FOUND', otherStreetOffice: 'NOT_FOUND' } },
  { name: 'points.tagAchievement (pairing 1)', action: 'points.tagAchievement', input: async () => ({ recordId: await confirmedRecord(), achievement: 'researchReport' }), expected: { ...longchengOffices, unitStaff: 'ok', unitHead: 'ok', otherUnitStaff: 'NOT_FOUND', otherStreetOffice: 'NOT_FOUND' } },
  { name: 'points.table', action: 'points.table', input: async () => ({ year: 2026 }), expected: offices },
  { name: 'points.dashboard', action: 'points.dashboard', input: async () => ({ year: 2026 }), expected: offices },
  { name: 'points.recordBook (unit 1)', action: 'points.recordBook', input: async () => ({ unitId, year: 2026 }), expected: { ...longchengOffices, unitStaff: 'ok', unitHead: 'ok', otherUnitStaff: 'NOT_FOUND', orgLeader: 'NOT_FOUND', pendingLeader: 'NOT_FOUND', otherOrgLeader: 'NOT_FOUND', otherStreetOffice: 'NOT_FOUND' } },
  { name: 'points.assessment', action: 'points.assessment', input: async () => ({ year: 2026 }), expected: offices },
  { name: 'points.checkStreet', action: 'points.checkStreet', input: async () => ({ year: 2026, streetId: 'street-longcheng', grade: 'good', remarks: '意见' }), expected: districtOnly },
  // bulletins
  { name: 'bulletins.generate (龙城街道)', action: 'bulletins.generate', input: async () => ({ year: 2026, quarter: 1, streetId: 'street-longcheng' }), expected: { ...longchengOffices, districtOffice: 'FORBIDDEN' } },
  { name: 'bulletins.get (龙城街道 draft)', action: 'bulletins.get', input: async () => ({ bulletinId: await longchengBulletin() }), expected: { unitStaff: 'NOT_FOUND', unitHead: 'NOT_FOUND', otherUnitStaff: 'NOT_FOUND', orgLeader: 'NOT_FOUND', pendingLeader: 'NOT_FOUND', otherOrgLeader: 'NOT_FOUND', streetOffice: 'ok', otherStreetOffice: 'NOT_FOUND', districtOffice: 'NOT_FOUND', stranger: 'UNAUTHENTICATED' } },
  { name: 'bulletins.list', action: 'bulletins.list', input: async () => ({ year: 2026 }), expected: everyone },
  {
    name: 'bulletins.update (龙城街道 draft)',
    action: 'bulletins.update',
    input: async () => ({ bulletinId: await longchengBulletin(), title: '第一季度通报', summary: '正文', closing: '', goodPracticeIds: [], praisedUnitIds: [], behindUnitIds: [] }),
    expected: { ...longchengOffices, otherStreetOffice: 'NOT_FOUND', districtOffice: 'NOT_FOUND' },
  },
  // administration and plans (the rest in adminPermissions)
  { name: 'admin.unit (unit 1)', action: 'admin.unit', input: async () => ({ unitId }), expected: { ...longchengOffices, unitStaff: 'ok', unitHead: 'ok' } },
  { name: 'admin.org (org 1)', action: 'admin.org', input: async () => ({ orgId }), expected: { ...longchengOffices, unitStaff: 'ok', unitHead: 'ok', orgLeader: 'ok', pendingLeader: 'PENDING_APPROVAL' } },
  { name: 'plans.get (unit 1, with an attachment)', action: 'plans.get', input: planWithAttachment, expected: { ...longchengOffices, unitStaff: 'ok', unitHead: 'ok', otherUnitStaff: 'NOT_FOUND', orgLeader: 'NOT_FOUND', pendingLeader: 'NOT_FOUND', otherOrgLeader: 'NOT_FOUND', otherStreetOffice: 'NOT_FOUND' } },
  { name: 'admin.people (org 1)', action: 'admin.people', input: async () => ({ scopeType: 'org', scopeId: orgId }), expected: { ...longchengOffices, orgLeader: 'ok', pendingLeader: 'PENDING_APPROVAL' } },
  // Marking a flagged record reviewed: only an office over the record (another street's office does not find it in its list).
  {
    name: 'admin.reviewRecordCheck (a flagged record of pairing 1)',
    action: 'admin.reviewRecordCheck',
    input: async () => ({ recordId: await flaggedRecord(), note: '已与纸质台账核对，情况属实' }),
    expected: { ...longchengOffices, otherStreetOffice: 'NOT_FOUND' },
  },
  { name: 'feedback.list', action: 'feedback.list', input: async () => ({}), expected: offices },
  { name: 'plans.mine', action: 'plans.mine', input: async () => ({ year: 2026 }), expected: everyone },
  // records.confirmMany: only org leaders reach it; another org's leader gets the item refused inside an ok answer (confirmMany.test.ts).
  {
    name: 'records.confirmMany (a waiting record of org 1)',
    action: 'records.confirmMany',
    input: async () => ({ items: [{ recordId: dataOf(await t.call(actors.unitStaff, 'records.submit', { recordId: await draftRecord(), revision: 1 })).record.id, revision: 1 }] }),
    expected: { ...nobody, orgLeader: 'ok', otherOrgLeader: 'ok', pendingLeader: 'PENDING_APPROVAL' },
  },
  // Refusing a party leader's request: whoever may approve it (as session.approveLeader).
  {
    name: 'admin.refuseLeader (org 1)',
    action: 'admin.refuseLeader',
    input: async () => ({ personId: await pendingPerson(), orgId, reason: '身份不符' }),
    expected: { ...longchengOffices, unitStaff: 'ok', unitHead: 'ok', orgLeader: 'ok', pendingLeader: 'PENDING_APPROVAL' },
  },
];

const discover = process.env['GJ_MATRIX_DISCOVER'] === '1';

it('probes at least 100 (action, person) pairs across all nine functions', () => {
  expect(cases.length * Object.keys(actors).length).toBeGreaterThanOrEqual(100);
  expect(new Set(cases.map((item) => item.action.split('.')[0])).size).toBe(9);
});

describe.each(cases)('$name', ({ action, input, expected }) => {
  it.each(Object.keys(actors) as Actor[])('as %s', async (actor) => {
    const prepared = await input();
    const before = dumpDatabase(t.cloud);
    const result = await t.call(actors[actor], action, prepared as never);
    const outcome = result.ok ? 'ok' : result.error.code;
    if (discover) console.log(`MATRIX ${action} ${actor} ${outcome} ${result.ok ? '' : result.error.message}`);
    expect(outcome).toBe(expected[actor]);
    if (!result.ok) {
      expect(result.error.message).toMatch(/[\u4e00-\u9fa5]/);
      expect(dumpDatabase(t.cloud)).toBe(before);
    }
  });
});
