import type { ErrorCode } from '../../src/contract/errors';
import type { TestCloud } from './testCloud';
import { addPerson } from './testCloud';

/**
 * The people of every permission matrix: each role once in the scope of pairing 1
 * (区发展和改革局 ↔ 深圳华星光电科技有限公司, 龙城街道) and once outside it.
 */
export const matrixActors = {
  unitStaff: 'demo-liming',
  unitHead: 'demo-zhaojun',
  otherUnitStaff: 'demo-chenjing',
  orgLeader: 'demo-wangfang',
  pendingLeader: 'test-pending-leader',
  otherOrgLeader: 'test-other-leader',
  streetOffice: 'demo-sunli',
  otherStreetOffice: 'test-other-street',
  districtOffice: 'demo-zhoutao',
  stranger: 'openid-of-a-stranger',
} as const;

export type MatrixActor = keyof typeof matrixActors;
export type MatrixOutcome = 'ok' | ErrorCode;

/** Add the matrix people the demo district does not have. */
export async function addMatrixPeople(t: TestCloud): Promise<void> {
  const first = t.district.pairings[0]!;
  await addPerson(matrixActors.pendingLeader, '待审负责人', [{ role: 'orgLeader', scopeType: 'org', scopeId: first.orgId, approved: false }]);
  await addPerson(matrixActors.otherOrgLeader, '别家负责人', [{ role: 'orgLeader', scopeType: 'org', scopeId: t.district.pairings[5]!.orgId }]);
  await addPerson(matrixActors.otherStreetOffice, '布吉共建办', [{ role: 'streetOffice', scopeType: 'street', scopeId: 'street-buji' }]);
}
