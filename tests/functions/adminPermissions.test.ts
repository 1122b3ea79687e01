import type { ActionName } from '../../src/contract/actions';
import { chinaInstant } from '../../src/domain/time/chinaTime';
import { wxServerSdk } from '../../localcloud/sdk';
import { restoreClock, standAt } from '../support/clock';
import type { TestCloud } from '../support/testCloud';
import { addMatrixPeople, matrixActors } from '../support/matrixActors';
import type { MatrixActor, MatrixOutcome } from '../support/matrixActors';
import { addPerson, openTestCloud } from '../support/testCloud';
import { csvOf, generatedRow, report, snapshot } from './adminFixture';

jest.setTimeout(60_000);

/** Every role against every administration, work-plan and 投诉建议 action, in and out of scope. */
const actors = matrixActors;
type Actor = MatrixActor;
type Outcome = MatrixOutcome;
type Expected = Record<Actor, Outcome>;

let t: TestCloud;
let unitId: string;
let orgId: string;
let serial = 0;
const next = () => (serial += 1);
const db = () => wxServerSdk().database();

beforeAll(async () => {
  standAt(chinaInstant(2026, 6, 10, 10));
  t = await openTestCloud();
  const first = t.district.pairings[0]!;
  unitId = first.unitId;
  orgId = first.orgId;
  await addMatrixPeople(t);
});
afterAll(() => {
  t.close();
  restoreClock();
});

/** Outcomes by kind of action, then adjusted per case. */
const officesOnly: Expected = { unitStaff: 'FORBIDDEN', unitHead: 'FORBIDDEN', otherUnitStaff: 'FORBIDDEN', orgLeader: 'FORBIDDEN', pendingLeader: 'FORBIDDEN', otherOrgLeader: 'FORBIDDEN', streetOffice: 'ok', otherStreetOffice: 'ok', districtOffice: 'ok', stranger: 'UNAUTHENTICATED' };
const longchengOffices: Expected = { ...officesOnly, otherStreetOffice: 'FORBIDDEN' };
const districtOnly: Expected = { ...officesOnly, streetOffice: 'FORBIDDEN', otherStreetOffice: 'FORBIDDEN' };
const unitViewers: Expected = { ...longchengOffices, unitStaff: 'ok', unitHead: 'ok' };
const unitManagers: Expected = { ...longchengOffices, unitHead: 'ok' };
const everyone: Expected = { unitStaff: 'ok', unitHead: 'ok', otherUnitStaff: 'ok', orgLeader: 'ok', pendingLeader: 'ok', otherOrgLeader: 'ok', streetOffice: 'ok', otherStreetOffice: 'ok', districtOffice: 'ok', stranger: 'UNAUTHENTICATED' };
const unitWriters: Expected = { ...everyone, otherUnitStaff: 'FORBIDDEN', orgLeader: 'FORBIDDEN', pendingLeader: 'FORBIDDEN', otherOrgLeader: 'FORBIDDEN', streetOffice: 'FORBIDDEN', otherStreetOffice: 'FORBIDDEN', districtOffice: 'FORBIDDEN' };
const senderOnly: Expected = { ...everyone, unitHead: 'NOT_FOUND', otherUnitStaff: 'NOT_FOUND', orgLeader: 'NOT_FOUND', pendingLeader: 'NOT_FOUND', otherOrgLeader: 'NOT_FOUND', streetOffice: 'NOT_FOUND', otherStreetOffice: 'NOT_FOUND', districtOffice: 'NOT_FOUND', stranger: 'NOT_FOUND' };

/** A fresh unit and org of 龙城街道 paired this year, straight in the database. */
async function freshPairing(): Promise<{ unitId: string; orgId: string; pairingId: string }> {
  const n = next();
  const unit = { _id: `unit-perm-${n}`, code: `UP${n}`, name: `权限测试单位${n}`, level: 'streetAgency', streetId: 'street-longcheng' };
  const org = { _id: `org-perm-${n}`, code: `OP${n}`, name: `权限测试组织${n}`, kind: 'enterprise', streetId: 'street-longcheng', address: '', location: { latitude: 22.72, longitude: 114.24 }, geofenceMetres: 300, partyMembers: 1, partyOrgForm: 'none', massOrganisations: [] };
  const pairing = { _id: `pairing-perm-${n}`, unitId: unit._id, orgId: org._id, unitName: unit.name, orgName: org.name, year: 2026, streetId: 'street-longcheng', unitStreetId: 'street-longcheng', arrangedBy: 'street', startDate: '2026-01-01', endDate: null };
  await db().collection('units').add({ data: unit });
  await db().collection('orgs').add({ data: org });
  await db().collection('pairings').add({ data: pairing });
  return { unitId: unit._id, orgId: org._id, pairingId: pairing._id };
}

async function freshMember(role: 'unitStaff' | 'unitHead' = 'unitStaff'): Promise<string> {
  const openid = `test-member-${next()}`;
  await addPerson(openid, '新成员', [{ role, scopeType: 'unit', scopeId: unitId, scopeName: '区发展和改革局' }]);
  return `person-${openid}`;
}

const planId = () => `plan-2026-unit-${unitId}`;
async function planIn(state: 'draft' | 'submitted'): Promise<void> {
  await t.call(actors.unitStaff, 'plans.save', { subjectType: 'unit', subjectId: unitId, year: 2026, text: '方案正文' }).catch(() => undefined);
  await db().collection('workPlans').doc(planId()).update({ data: { state, ...(state === 'submitted' ? { submittedAt: new Date(), firstSubmittedAt: new Date() } : {}) } });
}

/** A named suggestion of 李明 (龙城街道), straight in the database (feedback.send limits each sender per day). */
async function feedbackOfLiming(state: 'pending' | 'answered'): Promise<string> {
  const id = `feedback-perm-${next()}`;
  const now = new Date();
  await db().collection('feedback').add({
    data: { _id: id, category: 'suggestion', state, anonymous: false, senderOpenid: actors.unitStaff, senderPersonId: 'person-liming', senderName: '李明', contact: null, page: null, streetIds: ['street-longcheng'], messages: [{ from: 'sender', text: '建议', at: now }], createdAt: now, updatedAt: now },
  });
  return id;
}

async function districtImport(): Promise<string> {
  const n = next();
  const row = { ...generatedRow(7000 + n), 单位名称: `权限导入单位${n}`, 组织名称: `权限导入组织${n}`, 单位所在街道: '龙城街道', 组织所在街道: '龙城街道' };
  return (await report(t, actors.districtOffice, csvOf([row]), 'perm.csv')).importId;
}

interface Case {
  readonly name?: string;
  readonly action: ActionName;
  readonly input: () => Promise<unknown>;
  readonly expected: Expected;
}

const unitBase = async () => ({ unitId, name: '区发展和改革局', level: 'districtDirect', streetId: 'street-longcheng', contactPhone: `0755-${String(10000000 + next())}` });
const orgBase = async () => ({ orgId, name: '深圳华星光电科技有限公司', kind: 'enterprise', streetId: 'street-longcheng', address: `新地址 ${next()} 号`, location: { latitude: 22.72, longitude: 114.24 } });

const cases: Case[] = [
  { action: 'admin.overview', input: async () => ({}), expected: officesOnly },
  {
    action: 'admin.importDryRun',
    input: async () => {
      const n = next();
      const { upload } = await import('./adminFixture');
      return { fileId: await upload(csvOf([{ ...generatedRow(8000 + n), 单位所在街道: '龙城街道', 组织所在街道: '龙城街道' }]), 'perm.csv'), fileName: 'perm.csv' };
    },
    expected: officesOnly,
  },
  { action: 'admin.importCommit', input: async () => ({ importId: await districtImport() }), expected: { ...officesOnly, streetOffice: 'NOT_FOUND', otherStreetOffice: 'NOT_FOUND' } },
  { action: 'admin.importStatus', input: async () => ({ importId: await districtImport() }), expected: { ...officesOnly, streetOffice: 'NOT_FOUND', otherStreetOffice: 'NOT_FOUND' } },
  { action: 'admin.export', input: async () => ({ format: 'csv' }), expected: officesOnly },
  { action: 'admin.directory', input: async () => ({ kind: 'units', streetId: 'street-longcheng' }), expected: longchengOffices },
  { action: 'admin.unit', input: async () => ({ unitId }), expected: unitViewers },
  { name: 'admin.saveUnit (change)', action: 'admin.saveUnit', input: unitBase, expected: longchengOffices },
  { name: 'admin.saveUnit (new)', action: 'admin.saveUnit', input: async () => ({ name: `新单位${next()}`, level: 'streetAgency', streetId: 'street-longcheng' }), expected: longchengOffices },
  { action: 'admin.org', input: async () => ({ orgId }), expected: { ...unitViewers, orgLeader: 'ok', pendingLeader: 'PENDING_APPROVAL' } },
  { name: 'admin.saveOrg (details)', action: 'admin.saveOrg', input: orgBase, expected: { ...longchengOffices, orgLeader: 'ok', pendingLeader: 'PENDING_APPROVAL', stranger: 'UNAUTHENTICATED' } },
  { name: 'admin.saveOrg (rename)', action: 'admin.saveOrg', input: async () => ({ ...(await orgBase()), name: `改名组织${next()}` }), expected: { ...longchengOffices, pendingLeader: 'PENDING_APPROVAL' } },
  {
    action: 'admin.savePairing',
    input: async () => {
      const fresh = await freshPairing();
      const other = await freshPairing();
      await db().collection('pairings').doc(other.pairingId).remove();
      return { unitId: fresh.unitId, orgId: other.orgId, year: 2026 };
    },
    expected: longchengOffices,
  },
  { action: 'admin.endPairing', input: async () => ({ pairingId: (await freshPairing()).pairingId, endDate: '2026-06-30' }), expected: longchengOffices },
  { name: 'admin.people (unit)', action: 'admin.people', input: async () => ({ scopeType: 'unit', scopeId: unitId }), expected: { ...unitViewers, stranger: 'UNAUTHENTICATED' } },
  { name: 'admin.people (org)', action: 'admin.people', input: async () => ({ scopeType: 'org', scopeId: orgId }), expected: { ...longchengOffices, orgLeader: 'ok', pendingLeader: 'PENDING_APPROVAL' } },
  { name: 'admin.people (anyone)', action: 'admin.people', input: async () => ({ scopeType: 'any', search: '李' }), expected: districtOnly },
  { action: 'admin.removeGrant', input: async () => ({ personId: await freshMember(), role: 'unitStaff', scopeId: unitId }), expected: unitManagers },
  { action: 'admin.setUnitRole', input: async () => ({ personId: await freshMember(), unitId, role: 'unitHead' }), expected: unitManagers },
  { action: 'admin.grantOffice', input: async () => ({ personId: await freshMember(), role: 'streetOffice', scopeId: 'street-buji' }), expected: districtOnly },
  { action: 'admin.invitations', input: async () => ({ scopeType: 'unit', scopeId: unitId }), expected: unitViewers },
  {
    action: 'admin.revokeInvitation',
    input: async () => {
      await t.call(actors.districtOffice, 'session.invite', { scopeType: 'unit', scopeId: unitId });
      return { scopeType: 'unit', scopeId: unitId };
    },
    expected: unitManagers,
  },
  { action: 'admin.audit', input: async () => ({ unitId }), expected: officesOnly },
  { action: 'plans.mine', input: async () => ({}), expected: everyone },
  { action: 'plans.save', input: async () => ({ subjectType: 'unit', subjectId: unitId, year: 2026, text: `方案 ${next()}` }), expected: unitWriters },
  {
    action: 'plans.submit',
    input: async () => {
      await planIn('draft');
      return { subjectType: 'unit', subjectId: unitId, year: 2026 };
    },
    expected: unitWriters,
  },
  { action: 'plans.list', input: async () => ({}), expected: officesOnly },
  {
    action: 'plans.get',
    input: async () => {
      await planIn('draft');
      return { planId: planId() };
    },
    expected: { ...unitViewers, otherUnitStaff: 'NOT_FOUND', orgLeader: 'NOT_FOUND', pendingLeader: 'NOT_FOUND', otherOrgLeader: 'NOT_FOUND', otherStreetOffice: 'NOT_FOUND' },
  },
  {
    action: 'plans.review',
    input: async () => {
      await planIn('submitted');
      return { planId: planId(), decision: 'accept' };
    },
    expected: longchengOffices,
  },
  { action: 'plans.setDeadline', input: async () => ({ year: 2026, deadline: '2026-11-20' }), expected: districtOnly },
  { action: 'feedback.send', input: async () => ({ category: 'suggestion', content: `意见 ${next()}` }), expected: { ...everyone, stranger: 'ok' } },
  { action: 'feedback.mine', input: async () => ({}), expected: { ...everyone, stranger: 'ok' } },
  { action: 'feedback.followUp', input: async () => ({ feedbackId: await feedbackOfLiming('answered'), text: '补充' }), expected: senderOnly },
  { action: 'feedback.close', input: async () => ({ feedbackId: await feedbackOfLiming('pending') }), expected: senderOnly },
  { action: 'feedback.list', input: async () => ({}), expected: officesOnly },
  { action: 'feedback.answer', input: async () => ({ feedbackId: await feedbackOfLiming('pending'), text: '答复' }), expected: { ...longchengOffices, otherStreetOffice: 'NOT_FOUND' } },
];

const watched = ['units', 'orgs', 'pairings', 'people', 'invitations', 'auditTrail', 'workPlans', 'planSettings', 'feedback', 'adminImports'];

describe.each(cases.map((item) => ({ ...item, name: item.name ?? item.action })))('$name', ({ action, input, expected }) => {
  it.each(Object.keys(actors) as Actor[])('as %s', async (actor) => {
    const prepared = await input();
    const before = await snapshot(watched);
    const result = await t.call(actors[actor], action, prepared as never);
    const outcome = result.ok ? 'ok' : result.error.code;
    expect(outcome).toBe(expected[actor]);
    if (!result.ok) {
      expect(result.error.message).toMatch(/[\u4e00-\u9fa5]/);
      expect(await snapshot(watched)).toEqual(before);
    }
  });
});
