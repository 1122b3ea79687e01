import { chinaInstant } from '../../src/domain/time/chinaTime';
import { wxServerSdk } from '../../localcloud/sdk';
import { moveTo } from '../support/clock';
import { dumpDatabase } from '../support/databaseDump';
import { addMatrixPeople, matrixActors } from '../support/matrixActors';
import type { TestCloud } from '../support/testCloud';
import { addPerson, dataOf, useTestCloudAt } from '../support/testCloud';
import { meanwhile } from '../support/meanwhile';

/**
 * Approving a party leader shows who they are (the org they claim, when they asked, who invited them);
 * a refusal needs a reason, is kept in the audit trail, and the person reads it and may ask again.
 */
jest.setTimeout(60_000);

const now = chinaInstant(2026, 6, 10, 10);
const cloud = useTestCloudAt(now);
const office = 'demo-sunli';
const applicant = 'openid-new-leader';
const reason = '经核实，您不是该组织的党组织负责人，请联系组织确认';
let orgId: string;
let personId: string;

beforeAll(async () => {
  const t = cloud();
  orgId = t.district.pairings[0]!.orgId;
  await addMatrixPeople(t);
  const invitation = dataOf(await t.call(office, 'session.invite', { scopeType: 'org', scopeId: orgId }));
  personId = dataOf(await t.call(applicant, 'session.join', { code: invitation.code, name: '新来的书记' })).person.id;
});

const requestsOf = async (openid: string) => dataOf(await cloud().call(openid, 'admin.leaderRequests', {})).items.filter((item) => item.personId === personId);

it('shows the approver who asks: the org claimed, when they asked and who invited them', async () => {
  expect(await requestsOf(office)).toEqual([{ personId, name: '新来的书记', orgId, orgName: expect.any(String), requestedAt: now.toISOString(), invitedByName: '孙丽' }]);
});

it.each([
  ['an office of another street', matrixActors.otherStreetOffice, 'FORBIDDEN'],
  ['a leader of another org', matrixActors.otherOrgLeader, 'FORBIDDEN'],
  ['a leader still waiting for approval', matrixActors.pendingLeader, 'PENDING_APPROVAL'],
] as const)('refuses a refusal by %s, changing nothing', async (_who, openid, code) => {
  const before = dumpDatabase(cloud().cloud);
  const result = await cloud().call(openid, 'admin.refuseLeader', { personId, orgId, reason });
  expect(result.ok ? 'ok' : result.error.code).toBe(code);
  expect(dumpDatabase(cloud().cloud)).toBe(before);
  expect(await requestsOf(office)).toHaveLength(1);
});

it.each([
  ['no reason', ''],
  ['only spaces', '   '],
  ['a reason over 200 characters', '因'.repeat(201)],
])('asks for a reason of at most 200 characters (%s), changing nothing', async (_what, given) => {
  const before = dumpDatabase(cloud().cloud);
  const result = await cloud().call(office, 'admin.refuseLeader', { personId, orgId, reason: given });
  expect(result.ok ? 'ok' : result.error).toMatchObject({ code: 'INVALID_INPUT', field: 'reason', message: expect.stringMatching(/退回原因/) });
  expect(dumpDatabase(cloud().cloud)).toBe(before);
});

it('refuses with the reason: the request leaves the lists, the trail keeps it, the person reads it', async () => {
  const t = cloud();
  expect(dataOf(await t.call(applicant, 'admin.myLeaderRequests', {})).items).toEqual([{ state: 'waiting', orgId, orgName: expect.any(String) }]);
  expect(dataOf(await t.call(office, 'admin.refuseLeader', { personId, orgId, reason: `  ${reason}  ` }))).toEqual({ refused: true });

  expect(await requestsOf(office)).toEqual([]);
  expect(dataOf(await t.call(office, 'session.pendingLeaders', {})).items.filter((item) => item.personId === personId)).toEqual([]);
  expect(await t.count('auditTrail', { action: 'person.refuseLeader', personId, orgId, note: reason, actorName: '孙丽' })).toBe(1);
  const me = dataOf(await t.call(applicant, 'session.whoami', {})).person;
  expect(me?.grants).toEqual([]);
  expect(dataOf(await t.call(applicant, 'admin.myLeaderRequests', {})).items).toEqual([
    { state: 'refused', orgId, orgName: expect.any(String), reason, refusedAt: now.toISOString(), refusedByName: '孙丽' },
  ]);
  // Refused, the person is no waiting leader: the org's actions refuse them plainly.
  const org = await t.call(applicant, 'admin.org', { orgId });
  expect(org.ok ? 'ok' : org.error.code).toBe('FORBIDDEN');
});

it('a second refusal finds nothing to refuse', async () => {
  const result = await cloud().call(office, 'admin.refuseLeader', { personId, orgId, reason });
  expect(result.ok ? 'ok' : result.error.code).toBe('NOT_FOUND');
});

it('lets the refused person ask again, once, and the approver sees them again', async () => {
  const t = cloud();
  expect(dataOf(await t.call(applicant, 'admin.reapplyLeader', { orgId })).item).toEqual({ state: 'waiting', orgId, orgName: expect.any(String) });
  expect(dataOf(await t.call(applicant, 'admin.myLeaderRequests', {})).items).toEqual([{ state: 'waiting', orgId, orgName: expect.any(String) }]);
  expect(await requestsOf(office)).toEqual([expect.objectContaining({ personId, orgId, requestedAt: now.toISOString() })]);
  expect(await t.count('auditTrail', { action: 'person.reapplyLeader', personId, orgId })).toBe(1);

  const before = dumpDatabase(t.cloud);
  const again = await t.call(applicant, 'admin.reapplyLeader', { orgId });
  expect(again.ok ? 'ok' : again.error.code).toBe('NOT_FOUND');
  expect(dumpDatabase(t.cloud)).toBe(before);
});

it('takes a second re-application of the same refusal, made meanwhile (a double tap), as asked already: one grant, one entry', async () => {
  const t = cloud();
  moveTo(new Date(now.getTime() + 86_400_000)); // refused again the next day
  dataOf(await t.call(office, 'admin.refuseLeader', { personId, orgId, reason }));
  // The second tap runs whole while the first one is about to start its transaction.
  let second: Awaited<ReturnType<TestCloud['call']>> | undefined;
  const tap = async () => {
    second = await t.call(applicant, 'admin.reapplyLeader', { orgId });
  };
  const { result: first, happened } = await meanwhile(t.cloud.db, 'database.startTransaction', tap, () => t.call(applicant, 'admin.reapplyLeader', { orgId }));
  expect(happened).toBe(true);
  expect(second).toEqual({ ok: true, data: { item: { state: 'waiting', orgId, orgName: expect.any(String) } } });
  expect(first).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: '您已提交申请，请等待审核' } });
  const me = dataOf(await t.call(applicant, 'session.whoami', {})).person;
  expect(me?.grants.filter((grant) => grant.role === 'orgLeader' && grant.scopeId === orgId)).toHaveLength(1);
  expect(await t.count('auditTrail', { action: 'person.reapplyLeader', personId, orgId })).toBe(2);
});

it('cannot ask again for an org that never refused them', async () => {
  const other = cloud().district.pairings[5]!.orgId;
  const result = await cloud().call(applicant, 'admin.reapplyLeader', { orgId: other });
  expect(result.ok ? 'ok' : result.error.code).toBe('NOT_FOUND');
});

it('does not refuse an approved leader (they are removed on the org’s page)', async () => {
  const t = cloud();
  dataOf(await t.call(office, 'session.approveLeader', { personId, orgId }));
  const before = dumpDatabase(t.cloud);
  const result = await t.call(office, 'admin.refuseLeader', { personId, orgId, reason });
  expect(result.ok ? 'ok' : result.error.code).toBe('ALREADY_DONE');
  expect(dumpDatabase(t.cloud)).toBe(before);
});

it('writes no re-application, neither grant nor entry, for a person whose document is gone before the transaction', async () => {
  const t = cloud();
  const leaving = 'openid-leaving-leader';
  await addPerson(leaving, '要走的书记', [{ role: 'orgLeader', scopeType: 'org', scopeId: orgId, approved: false }]);
  dataOf(await t.call(office, 'admin.refuseLeader', { personId: `person-${leaving}`, orgId, reason }));
  const leave = async () => {
    await wxServerSdk().database().collection('people').doc(`person-${leaving}`).remove();
  };
  const { result, happened } = await meanwhile(t.cloud.db, 'database.startTransaction', leave, () => t.call(leaving, 'admin.reapplyLeader', { orgId }));
  expect(happened).toBe(true);
  expect(result).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: '人员不存在' } });
  expect(await t.count('people', { openid: leaving })).toBe(0);
  expect(await t.count('auditTrail', { action: 'person.reapplyLeader', personId: `person-${leaving}` })).toBe(0);
});

it('answers only a refusal still standing: not once they asked again by a new invitation, nor after a re-application taken away', async () => {
  const t = cloud();
  const later = (days: number) => moveTo(new Date(now.getTime() + days * 86_400_000));
  const asking = 'openid-asking-leader';
  const asker = `person-${asking}`;
  const refused = async () => {
    const result = await t.call(asking, 'admin.reapplyLeader', { orgId });
    return result.ok ? 'ok' : result.error;
  };
  await addPerson(asking, '又来的书记', [{ role: 'orgLeader', scopeType: 'org', scopeId: orgId, approved: false }]);
  later(2);
  dataOf(await t.call(office, 'admin.refuseLeader', { personId: asker, orgId, reason }));
  // The refusal stands for its org only.
  let before = dumpDatabase(t.cloud);
  const elsewhere = await t.call(asking, 'admin.reapplyLeader', { orgId: t.district.pairings[5]!.orgId });
  expect(elsewhere.ok ? 'ok' : elsewhere.error).toEqual({ code: 'NOT_FOUND', message: '没有可以重新申请的记录' });
  expect(dumpDatabase(t.cloud)).toBe(before);
  // Asked again by an invitation: the refusal stands in the trail, but they wait already.
  const invitation = dataOf(await t.call(office, 'session.invite', { scopeType: 'org', scopeId: orgId }));
  dataOf(await t.call(asking, 'session.join', { code: invitation.code }));
  before = dumpDatabase(t.cloud);
  expect(await refused()).toEqual({ code: 'NOT_FOUND', message: '没有可以重新申请的记录' });
  expect(dumpDatabase(t.cloud)).toBe(before);

  // Refused again, asked again, and that request taken away by the office: no refusal stands.
  later(3);
  dataOf(await t.call(office, 'admin.refuseLeader', { personId: asker, orgId, reason }));
  later(4);
  expect(await refused()).toBe('ok');
  later(5);
  dataOf(await t.call(office, 'admin.removeGrant', { personId: asker, role: 'orgLeader', scopeId: orgId }));
  before = dumpDatabase(t.cloud);
  expect(await refused()).toEqual({ code: 'NOT_FOUND', message: '没有可以重新申请的记录' });
  expect(dumpDatabase(t.cloud)).toBe(before);
});
