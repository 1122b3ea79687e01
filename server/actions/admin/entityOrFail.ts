import type { OrgRecord, UnitRecord } from '../../db/adminDocuments';
import type { PairingDocument, StreetDocument } from '../../db/documents';
import { streetsRepository } from '../../repositories/adminStreets';
import { orgsRepository } from '../../repositories/orgs';
import { pairingsRepository } from '../../repositories/pairings';
import { unitsRepository } from '../../repositories/units';
import type { CloudDatabase } from '../../runtime/cloud';
import { fail } from '../../runtime/failure';

/** The unit, org, street or pairing an input names; the action fails (in Chinese) when it does not exist. */
export async function unitOrFail(db: CloudDatabase, unitId: string): Promise<UnitRecord> {
  const unit = await unitsRepository(db).byId(unitId);
  if (!unit) fail('NOT_FOUND', `unit ${unitId} not found`, { field: 'unitId', userMessage: '单位不存在' });
  return unit;
}

export async function orgOrFail(db: CloudDatabase, orgId: string): Promise<OrgRecord> {
  const org = await orgsRepository(db).byId(orgId);
  if (!org) fail('NOT_FOUND', `org ${orgId} not found`, { field: 'orgId', userMessage: '“两新”组织不存在' });
  return org;
}

export async function streetOrFail(db: CloudDatabase, streetId: string, field = 'streetId'): Promise<StreetDocument> {
  const street = await streetsRepository(db).byId(streetId);
  if (!street) fail('INVALID_INPUT', `street ${streetId} not found`, { field, userMessage: '街道不存在' });
  return street;
}

export async function pairingOrFail(db: CloudDatabase, pairingId: string): Promise<PairingDocument> {
  const pairing = await pairingsRepository(db).byId(pairingId);
  if (!pairing) fail('NOT_FOUND', `pairing ${pairingId}`, { field: 'pairingId', userMessage: '结对关系不存在' });
  return pairing;
}
