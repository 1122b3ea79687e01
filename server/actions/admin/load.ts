import type { PairingDocument, StreetDocument } from '../../db/documents';
import type { OrgRecord, UnitRecord } from '../../db/adminDocuments';
import { findAll, getById } from '../../db/ops';
import { findEvery } from '../../db/paginate';
import type { CloudDatabase } from '../../runtime/cloud';
import { fail } from '../../runtime/failure';

/** Reads administration needs again and again. */

export async function allStreets(db: CloudDatabase): Promise<StreetDocument[]> {
  return findAll<StreetDocument>(db.collection('streets').limit(1000));
}

export function streetNamer(streets: readonly StreetDocument[]): (streetId: string) => string {
  const names = new Map(streets.map((street) => [street._id, street.name]));
  return (streetId) => names.get(streetId) ?? streetId;
}

export async function unitOrFail(db: CloudDatabase, unitId: string): Promise<UnitRecord> {
  const unit = await getById<UnitRecord>(db.collection('units'), unitId);
  if (!unit) fail('NOT_FOUND', `unit ${unitId} not found`, { field: 'unitId', userMessage: '单位不存在' });
  return unit;
}

export async function orgOrFail(db: CloudDatabase, orgId: string): Promise<OrgRecord> {
  const org = await getById<OrgRecord>(db.collection('orgs'), orgId);
  if (!org) fail('NOT_FOUND', `org ${orgId} not found`, { field: 'orgId', userMessage: '“两新”组织不存在' });
  return org;
}

export async function streetOrFail(db: CloudDatabase, streetId: string): Promise<StreetDocument> {
  const street = await getById<StreetDocument>(db.collection('streets'), streetId);
  if (!street) fail('INVALID_INPUT', `street ${streetId} not found`, { field: 'streetId', userMessage: '街道不存在' });
  return street;
}

export async function pairingsOf(db: CloudDatabase, field: 'unitId' | 'orgId', id: string): Promise<PairingDocument[]> {
  return findEvery<PairingDocument>(db.collection('pairings').where({ [field]: id }));
}

/** Newest year first, running before ended, then by start. */
export function byRecency(a: PairingDocument, b: PairingDocument): number {
  if (a.year !== b.year) return b.year - a.year;
  if ((a.endDate === null) !== (b.endDate === null)) return a.endDate === null ? -1 : 1;
  return a.startDate < b.startDate ? 1 : -1;
}
