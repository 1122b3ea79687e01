import { isDistrictOffice, isOfficeFor, streetIdsOf, unitIdsOf } from '../../../src/domain/access/scope';
import type { PairingScope } from '../../../src/domain/access/scope';
import type { Caller } from '../../runtime/context';
import { fail } from '../../runtime/failure';

/**
 * What an office sees: the whole district (区委党群共建办), or the pairings touching its streets
 * (街道党群共建办: the org's street or the unit's). A district office may narrow to one street.
 */
export type OfficeScope = { readonly kind: 'district' } | { readonly kind: 'street'; readonly streetIds: readonly string[] };

export function officeScope(caller: Caller, streetId?: string): OfficeScope {
  if (isDistrictOffice(caller.grants)) return streetId ? { kind: 'street', streetIds: [streetId] } : { kind: 'district' };
  const streets = streetIdsOf(caller.grants);
  if (streets.length === 0) fail('FORBIDDEN', `person ${caller.personId} is not an office`, { userMessage: '此功能供街道和区委党群共建办使用' });
  if (streetId === undefined) return { kind: 'street', streetIds: streets };
  if (!streets.includes(streetId)) fail('FORBIDDEN', `person ${caller.personId} is not the office of ${streetId}`, { field: 'streetId', userMessage: '只能查看本街道的数据' });
  return { kind: 'street', streetIds: [streetId] };
}

export function pairingInScope(scope: OfficeScope, pairing: Pick<PairingScope, 'streetId' | 'unitStreetId'>): boolean {
  return scope.kind === 'district' || scope.streetIds.includes(pairing.streetId) || scope.streetIds.includes(pairing.unitStreetId);
}

export function districtName(caller: Caller): string {
  return caller.grants.find((grant) => grant.role === 'districtOffice')?.scopeName ?? '全区';
}

/** A unit's own people, or an office over one of the unit's pairings (the district: every unit). */
export function canSeeUnit(caller: Caller, unitId: string, pairings: readonly PairingScope[]): boolean {
  return unitIdsOf(caller.grants).includes(unitId) || isDistrictOffice(caller.grants) || pairings.some((pairing) => isOfficeFor(caller.grants, pairing));
}

export function isUnitPerson(caller: Caller, unitId: string): boolean {
  return unitIdsOf(caller.grants).includes(unitId);
}

export function isOffice(caller: Caller): boolean {
  return isDistrictOffice(caller.grants) || streetIdsOf(caller.grants).length > 0;
}
