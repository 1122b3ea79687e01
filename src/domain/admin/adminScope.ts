import type { ScopeGrant } from '../access/scope';
import { approvedOrgIdsOf, isDistrictOffice, streetIdsOf, unitIdsOf } from '../access/scope';

/**
 * Who may see and manage what in administration (pure; every cloud function checks these):
 * the district office everything; a street office its street's units, orgs and pairings; unit
 * people their own unit and its pairing; an org's approved party leader their own org.
 */
export interface AdminScope {
  readonly district: boolean;
  readonly streetIds: readonly string[];
  /** Units the person works in (staff or head). */
  readonly unitIds: readonly string[];
  /** Units the person heads. */
  readonly headOfUnitIds: readonly string[];
  /** Orgs the person leads, approved. */
  readonly orgIds: readonly string[];
}

export function adminScopeOf(grants: readonly ScopeGrant[]): AdminScope {
  return {
    district: isDistrictOffice(grants),
    streetIds: streetIdsOf(grants),
    unitIds: unitIdsOf(grants),
    headOfUnitIds: grants.filter((grant) => grant.role === 'unitHead').map((grant) => grant.scopeId),
    orgIds: approvedOrgIdsOf(grants),
  };
}

export function isOffice(scope: AdminScope): boolean {
  return scope.district || scope.streetIds.length > 0;
}

/** An office over this street (the district office is over every street). */
export function managesStreet(scope: AdminScope, streetId: string): boolean {
  return scope.district || scope.streetIds.includes(streetId);
}

export interface UnitRef {
  readonly id: string;
  readonly streetId: string;
}

export interface OrgRef {
  readonly id: string;
  readonly streetId: string;
}

export interface PairingRef {
  readonly unitId: string;
  readonly orgId: string;
  readonly streetId: string;
  readonly unitStreetId: string;
}

export const canManageUnit = (scope: AdminScope, unit: UnitRef) => managesStreet(scope, unit.streetId);
export const canViewUnit = (scope: AdminScope, unit: UnitRef) => canManageUnit(scope, unit) || scope.unitIds.includes(unit.id);
export const canManageOrg = (scope: AdminScope, org: OrgRef) => managesStreet(scope, org.streetId);

/** An org's leader keeps its address, location and contacts up to date, not its name or street. */
export const canEditOrgDetails = (scope: AdminScope, org: OrgRef) => canManageOrg(scope, org) || scope.orgIds.includes(org.id);

/** The unit side sees the org it is paired with. */
export function canViewOrg(scope: AdminScope, org: OrgRef, pairingsOfOrg: readonly PairingRef[]): boolean {
  return canEditOrgDetails(scope, org) || pairingsOfOrg.some((pairing) => pairing.orgId === org.id && scope.unitIds.includes(pairing.unitId));
}

/** Pairings are arranged where both sides are: the district anywhere, a street within its street. */
export function canManagePairing(scope: AdminScope, pairing: Pick<PairingRef, 'streetId' | 'unitStreetId'>): boolean {
  return scope.district || (scope.streetIds.includes(pairing.streetId) && scope.streetIds.includes(pairing.unitStreetId));
}

export function canViewPairing(scope: AdminScope, pairing: PairingRef): boolean {
  return scope.district || scope.streetIds.includes(pairing.streetId) || scope.streetIds.includes(pairing.unitStreetId) || scope.unitIds.includes(pairing.unitId) || scope.orgIds.includes(pairing.orgId);
}

/** Listing a unit's or org's people and invitations. */
export function canSeePeopleOf(scope: AdminScope, scopeType: 'unit' | 'org', entity: UnitRef | OrgRef): boolean {
  return scopeType === 'unit' ? canViewUnit(scope, entity) : canEditOrgDetails(scope, entity);
}

/** Removing people, changing roles, revoking invitations: an office in scope, a unit's head, an org's approved leader. */
export function canManagePeopleOf(scope: AdminScope, scopeType: 'unit' | 'org', entity: UnitRef | OrgRef): boolean {
  if (managesStreet(scope, entity.streetId)) return true;
  return scopeType === 'unit' ? scope.headOfUnitIds.includes(entity.id) : scope.orgIds.includes(entity.id);
}

/** Audit entries a street office reads: those touching its streets. */
export function canReadAuditEntry(scope: AdminScope, entry: { readonly streetIds: readonly string[] }): boolean {
  return scope.district || entry.streetIds.some((streetId) => scope.streetIds.includes(streetId));
}
