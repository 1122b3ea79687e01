/**
 * Who may do what to a pairing's work, decided from a person's grants alone (pure).
 * Every cloud function checks these; pages only use them to hide what would be refused.
 */
export type ScopedRole = 'unitStaff' | 'unitHead' | 'orgLeader' | 'streetOffice' | 'districtOffice';

export interface ScopeGrant {
  readonly role: ScopedRole;
  readonly scopeId: string;
  readonly approved: boolean;
}

export interface PairingScope {
  readonly unitId: string;
  readonly orgId: string;
  /** The org's street and the unit's street: a street office sees pairings touching its street. */
  readonly streetId: string;
  readonly unitStreetId: string;
}

export function unitIdsOf(grants: readonly ScopeGrant[]): string[] {
  return grants.filter((grant) => grant.role === 'unitStaff' || grant.role === 'unitHead').map((grant) => grant.scopeId);
}

/** Orgs whose records this person may confirm: only as an approved party leader. */
export function approvedOrgIdsOf(grants: readonly ScopeGrant[]): string[] {
  return grants.filter((grant) => grant.role === 'orgLeader' && grant.approved).map((grant) => grant.scopeId);
}

export function isDistrictOffice(grants: readonly ScopeGrant[]): boolean {
  return grants.some((grant) => grant.role === 'districtOffice');
}

export function streetIdsOf(grants: readonly ScopeGrant[]): string[] {
  return grants.filter((grant) => grant.role === 'streetOffice').map((grant) => grant.scopeId);
}

export function isOfficeFor(grants: readonly ScopeGrant[], pairing: PairingScope): boolean {
  if (isDistrictOffice(grants)) return true;
  const streets = streetIdsOf(grants);
  return streets.includes(pairing.streetId) || streets.includes(pairing.unitStreetId);
}

/** The unit side writes the pairing's records. */
export function isUnitSideOf(grants: readonly ScopeGrant[], pairing: PairingScope): boolean {
  return unitIdsOf(grants).includes(pairing.unitId);
}

/** Writing a record: the unit side, or an office entering a paper record (补录) on its behalf. */
export function canWriteRecord(grants: readonly ScopeGrant[], pairing: PairingScope, paper: boolean): boolean {
  return paper ? isOfficeFor(grants, pairing) : isUnitSideOf(grants, pairing);
}

export function canConfirmFor(grants: readonly ScopeGrant[], pairing: Pick<PairingScope, 'orgId'>): boolean {
  return approvedOrgIdsOf(grants).includes(pairing.orgId);
}

export function canViewPairing(grants: readonly ScopeGrant[], pairing: PairingScope): boolean {
  return isUnitSideOf(grants, pairing) || canConfirmFor(grants, pairing) || isOfficeFor(grants, pairing);
}

/**
 * Approving an org's party leader: the unit paired with the org, an office in scope, or a leader of
 * the org already approved. `pairingsOfOrg` are the org's pairings of the year.
 */
export function canApproveLeaderOf(grants: readonly ScopeGrant[], orgId: string, pairingsOfOrg: readonly PairingScope[]): boolean {
  if (isDistrictOffice(grants) || canConfirmFor(grants, { orgId })) return true;
  return pairingsOfOrg.some((pairing) => pairing.orgId === orgId && (isUnitSideOf(grants, pairing) || isOfficeFor(grants, pairing)));
}

/** Handing out a unit's invitation: its own people or an office over its street. */
export function canInviteToUnit(grants: readonly ScopeGrant[], unit: { readonly id: string; readonly streetId: string }): boolean {
  return unitIdsOf(grants).includes(unit.id) || isDistrictOffice(grants) || streetIdsOf(grants).includes(unit.streetId);
}
