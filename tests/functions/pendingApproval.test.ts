import { chinaInstant } from '../../src/domain/time/chinaTime';
import { AWAITING_APPROVAL_MESSAGE, requireRoles } from '../../server/runtime/identify';
import { ActionFailure } from '../../server/runtime/failure';
import { restoreClock, standAt } from '../support/clock';
import { dumpDatabase } from '../support/databaseDump';
import { addMatrixPeople, matrixActors } from '../support/matrixActors';
import type { TestCloud } from '../support/testCloud';
import { openTestCloud } from '../support/testCloud';
import { SEEDED_ROUND } from './surveysFixture';

/** A party leader whose approval is pending is told so (审核中), not "没有权限". */
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

it('words the message as approval pending', () => {
  expect(AWAITING_APPROVAL_MESSAGE).toMatch(/审核中/);
  expect(AWAITING_APPROVAL_MESSAGE).not.toMatch(/没有权限/);
});

it.each([
  ['admin.org', () => ({ orgId })],
  ['admin.people', () => ({ scopeType: 'org', scopeId: orgId })],
  ['admin.invitations', () => ({ scopeType: 'org', scopeId: orgId })],
  ['admin.revokeInvitation', () => ({ scopeType: 'org', scopeId: orgId })],
  ['records.pending', () => ({})],
  ['session.invite', () => ({ scopeType: 'org', scopeId: orgId })],
  ['surveys.links', () => ({ roundId: SEEDED_ROUND, pairingId: t.district.pairings[0]!._id })],
  ['records.confirm', () => ({ recordId: 'seed-pairing-2026-001-monthlyVisit-2026-05-20', revision: 1 })],
  ['records.dispute', () => ({ recordId: 'seed-pairing-2026-001-monthlyVisit-2026-05-20', revision: 1, reason: '人数不符' })],
  ['admin.saveOrg', () => ({ orgId, name: '深圳华星光电科技有限公司', kind: 'enterprise', streetId: 'street-longcheng', address: '新地址', location: { latitude: 22.72, longitude: 114.24 } })],
] as const)('tells the waiting leader of the org that approval is pending: %s', async (action, input) => {
  const before = dumpDatabase(t.cloud);
  const result = await t.call(matrixActors.pendingLeader, action, input() as never);
  expect(result).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: AWAITING_APPROVAL_MESSAGE } });
  expect(dumpDatabase(t.cloud)).toBe(before);
});

it('still tells a leader of another org that it is out of scope', async () => {
  const result = await t.call(matrixActors.otherOrgLeader, 'admin.org', { orgId });
  expect(result).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: '超出您的管理范围' } });
});

describe('the role check of an action’s access list (requireRoles)', () => {
  const waiting = { personId: 'p1', openid: 'o1', name: '待审', grants: [{ role: 'orgLeader' as const, scopeType: 'org' as const, scopeId: 'org-001', scopeName: '组织', approved: false }] };
  const staff = { personId: 'p2', openid: 'o2', name: '职员', grants: [{ role: 'unitStaff' as const, scopeType: 'unit' as const, scopeId: 'unit-001', scopeName: '单位', approved: true }] };
  const refusal = (run: () => void) => {
    try {
      run();
    } catch (error) {
      return error instanceof ActionFailure ? { code: error.code, message: error.options.userMessage } : error;
    }
    return 'allowed';
  };

  it('tells a waiting leader, on a leader’s action, that approval is pending', () => {
    expect(refusal(() => requireRoles(waiting, ['orgLeader'], 'records.confirm'))).toEqual({ code: 'FORBIDDEN', message: AWAITING_APPROVAL_MESSAGE });
  });
  it('refuses others plainly, and lets holders through', () => {
    expect(refusal(() => requireRoles(staff, ['orgLeader'], 'records.confirm'))).toEqual({ code: 'FORBIDDEN', message: undefined });
    expect(refusal(() => requireRoles(waiting, ['unitStaff'], 'records.save'))).toEqual({ code: 'FORBIDDEN', message: undefined });
    expect(refusal(() => requireRoles(staff, ['unitStaff', 'unitHead'], 'records.save'))).toBe('allowed');
  });
});
