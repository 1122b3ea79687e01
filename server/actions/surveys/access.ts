import { isDistrictOffice, isOfficeFor, streetIdsOf } from '../../../src/domain/access/scope';
import type { ScopeGrant } from '../../../src/domain/access/scope';
import type { SurveyRoundDocument } from '../../db/surveyDocuments';

/**
 * Who may do what with evaluation rounds (pure, from grants):
 *  - the district office manages district rounds and every street's; a street office its street's;
 *  - offices see the rounds they manage and the district's (for the pairings touching their street);
 *  - a pairing's results: the unit evaluated and the offices over the pairing — never the org's leader,
 *    who sees how many answered (to remind people) and hands out links and ballot codes.
 */
export function canManageRound(grants: readonly ScopeGrant[], round: Pick<SurveyRoundDocument, 'scope'>): boolean {
  if (isDistrictOffice(grants)) return true;
  return round.scope.type === 'street' && streetIdsOf(grants).includes(round.scope.streetId);
}

export function canSeeRound(grants: readonly ScopeGrant[], round: Pick<SurveyRoundDocument, 'scope'>): boolean {
  if (canManageRound(grants, round)) return true;
  return round.scope.type === 'district' && streetIdsOf(grants).length > 0;
}

export interface EntryScope {
  readonly unitId: string;
  readonly orgId: string;
  readonly streetId: string;
  readonly unitStreetId: string;
}

export function isUnitOf(grants: readonly ScopeGrant[], entry: Pick<EntryScope, 'unitId'>): boolean {
  return grants.some((grant) => (grant.role === 'unitStaff' || grant.role === 'unitHead') && grant.scopeId === entry.unitId);
}

export function canSeeResults(grants: readonly ScopeGrant[], entry: EntryScope): boolean {
  return isUnitOf(grants, entry) || isOfficeFor(grants, entry);
}

/** Links, QR codes and ballot codes: the org's approved party leader, or an office over the pairing. */
export function canDistribute(grants: readonly ScopeGrant[], entry: EntryScope): boolean {
  return grants.some((grant) => grant.role === 'orgLeader' && grant.approved && grant.scopeId === entry.orgId) || isOfficeFor(grants, entry);
}
