import { isDistrictOffice, streetIdsOf, unitIdsOf } from '../../../src/domain/access/scope';
import type { BulletinDocument } from '../../db/pointsDocuments';
import type { Caller } from '../../runtime/context';

/** The district office writes the district's bulletin; a street office writes its street's. */
export function canEditBulletin(caller: Caller, bulletin: Pick<BulletinDocument, 'streetId'>): boolean {
  return bulletin.streetId === null ? isDistrictOffice(caller.grants) : streetIdsOf(caller.grants).includes(bulletin.streetId);
}

/**
 * Who reads a bulletin: its editors (drafts too); the district office every published one; a street
 * office the district's published ones; a unit's people the published ones that concern their unit.
 */
export function canReadBulletin(caller: Caller, bulletin: Pick<BulletinDocument, 'streetId' | 'state' | 'unitIds'>): boolean {
  if (canEditBulletin(caller, bulletin)) return true;
  if (bulletin.state !== 'published') return false;
  if (isDistrictOffice(caller.grants)) return true;
  if (bulletin.streetId === null && streetIdsOf(caller.grants).length > 0) return true;
  const units = unitIdsOf(caller.grants);
  return bulletin.unitIds.some((unitId) => units.includes(unitId));
}
