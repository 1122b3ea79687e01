import { errorMessages } from '../../src/contract/errors';
import type { ActionName } from '../../src/contract/actions';
import { refusalReason } from '../../src/domain/access/policy';
import { chinaInstant } from '../../src/domain/time/chinaTime';
import { requireRoles } from '../../server/runtime/identify';
import { ActionFailure } from '../../server/runtime/failure';
import { restoreClock, standAt } from '../support/clock';
import { dumpDatabase } from '../support/databaseDump';
import { addMatrixPeople, matrixActors } from '../support/matrixActors';
import type { TestCloud } from '../support/testCloud';
import { openTestCloud } from '../support/testCloud';
import { everyAction } from './contractInputs';
import { SEEDED_ROUND } from './surveysFixture';

/**
 * A party leader whose approval is pending is told so — one code, PENDING_APPROVAL, decided by the
 * access policy (`refusalReason`) — on every action an approved leader may do, and nothing is written.
 */
jest.setTimeout(60_000);

let t: TestCloud;
let orgId: string;
beforeAll(async () => {
  standAt(chinaInstant(2026, 6, 10, 10));
  t = await openTestCloud();
  orgId = t.district.pairings[0]!.orgId;
  await addMatrixPeople(t);
});
afterAll(() => {
  t.close();
  restoreClock();
});

it('words the message as approval pending, not as no permission', () => {
  expect(errorMessages.PENDING_APPROVAL).toMatch(/审核/);
  expect(errorMessages.PENDING_APPROVAL).not.toMatch(/没有权限/);
});

const seededRecord = 'seed-pairing-2026-001-monthlyVisit-2026-05-20';
const pairingId = () => t.district.pairings[0]!._id;

/** Every action an approved party leader of the org may do, with an input it would be allowed. */
const leaderActions: ReadonlyArray<readonly [ActionName, () => object]> = [
  ['admin.org', () => ({ orgId })],
  ['admin.people', () => ({ scopeType: 'org', scopeId: orgId })],
  ['admin.invitations', () => ({ scopeType: 'org', scopeId: orgId })],
  ['admin.revokeInvitation', () => ({ scopeType: 'org', scopeId: orgId })],
  ['admin.saveOrg', () => ({ orgId, name: '深圳华星光电科技有限公司', kind: 'enterprise', streetId: 'street-longcheng', address: '新地址', location: { latitude: 22.72, longitude: 114.24 } })],
  ['session.invite', () => ({ scopeType: 'org', scopeId: orgId })],
  ['surveys.links', () => ({ roundId: SEEDED_ROUND, pairingId: pairingId() })],
  ['surveys.qrCode', () => ({ roundId: SEEDED_ROUND, pairingId: pairingId(), group: 'employees' })],
  ['surveys.ballotCodes', () => ({ roundId: SEEDED_ROUND, pairingId: pairingId(), group: 'employees', add: 2 })],
  ['records.pending', () => ({})],
  ['records.confirm', () => ({ recordId: seededRecord, revision: 1 })],
  ['records.dispute', () => ({ recordId: seededRecord, revision: 1, reason: '人数不符' })],
  ['records.confirmMany', () => ({ items: [{ recordId: seededRecord, revision: 1 }] })],
  // Last: done by the approved leader below, they approve the waiting one and remove the approved one.
  ['session.approveLeader', () => ({ personId: `person-${matrixActors.pendingLeader}`, orgId })],
  ['admin.removeGrant', () => ({ personId: `person-${matrixActors.orgLeader}`, role: 'orgLeader', scopeId: orgId })],
];

it('covers every action whose access list names the party leader', () => {
  const listed = new Set(leaderActions.map(([name]) => name));
  const forLeaders = everyAction.filter((action) => action.access !== 'person' && action.access !== 'anyone' && action.access.includes('orgLeader')).map((action) => action.name);
  expect(forLeaders.length).toBeGreaterThan(0);
  expect(forLeaders.filter((name) => !listed.has(name as ActionName))).toEqual([]);
});

it.each(leaderActions)('tells the waiting leader of the org that approval is pending, changing nothing: %s', async (action, input) => {
  const before = dumpDatabase(t.cloud);
  const result = await t.call(matrixActors.pendingLeader, action, input() as never);
  expect(result).toEqual({ ok: false, error: { code: 'PENDING_APPROVAL', message: errorMessages.PENDING_APPROVAL } });
  expect(dumpDatabase(t.cloud)).toBe(before);
});

// After the waiting leader's calls: these change the database.
it.each(leaderActions)('an approved leader of the org may do it: %s', async (action, input) => {
  // The same call by the approved leader passes the access check (it may still fail later for its own reasons).
  const result = await t.call(matrixActors.orgLeader, action, input() as never);
  if (!result.ok) expect(['FORBIDDEN', 'PENDING_APPROVAL', 'UNAUTHENTICATED']).not.toContain(result.error.code);
});

it('still tells a leader of another org that it is out of scope', async () => {
  const result = await t.call(matrixActors.otherOrgLeader, 'admin.org', { orgId });
  expect(result).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: '超出您的管理范围' } });
});

it('tells a waiting leader of one org plainly that another org is out of scope', async () => {
  const otherOrg = t.district.pairings[5]!.orgId;
  const result = await t.call(matrixActors.pendingLeader, 'admin.org', { orgId: otherOrg });
  expect(result).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: '超出您的管理范围' } });
});

describe('the policy’s answer (refusalReason)', () => {
  const waitingGrant = { role: 'orgLeader' as const, scopeId: 'org-001', approved: false };
  it('says approval is pending for the waiting org, or for any when no org is named', () => {
    expect(refusalReason([waitingGrant], 'org-001')).toBe('pendingApproval');
    expect(refusalReason([waitingGrant])).toBe('pendingApproval');
  });
  it('says not allowed for another org, for an approved leader and for other roles', () => {
    expect(refusalReason([waitingGrant], 'org-002')).toBe('notAllowed');
    expect(refusalReason([{ ...waitingGrant, approved: true }], 'org-001')).toBe('notAllowed');
    expect(refusalReason([{ role: 'unitStaff', scopeId: 'unit-001', approved: true }])).toBe('notAllowed');
  });
});

describe('the role check of an action’s access list (requireRoles)', () => {
  const waiting = { personId: 'p1', openid: 'o1', name: '待审', grants: [{ role: 'orgLeader' as const, scopeType: 'org' as const, scopeId: 'org-001', scopeName: '组织', approved: false }] };
  const staff = { personId: 'p2', openid: 'o2', name: '职员', grants: [{ role: 'unitStaff' as const, scopeType: 'unit' as const, scopeId: 'unit-001', scopeName: '单位', approved: true }] };
  const refusal = (run: () => void) => {
    try {
      run();
    } catch (error) {
      return error instanceof ActionFailure ? error.code : error;
    }
    return 'allowed';
  };

  it('tells a waiting leader, on a leader’s action, that approval is pending', () => {
    expect(refusal(() => requireRoles(waiting, ['orgLeader'], 'records.confirm'))).toBe('PENDING_APPROVAL');
  });
  it('refuses others plainly, and lets holders through', () => {
    expect(refusal(() => requireRoles(staff, ['orgLeader'], 'records.confirm'))).toBe('FORBIDDEN');
    expect(refusal(() => requireRoles(waiting, ['unitStaff'], 'records.save'))).toBe('FORBIDDEN');
    expect(refusal(() => requireRoles(staff, ['unitStaff', 'unitHead'], 'records.save'))).toBe('allowed');
  });
});
