import type { InvitationAdminView, OrgView, PairingSummary, PersonAdminView, UnitView } from '../../../src/contract/admin';
import type { RoleGrantView } from '../../../src/contract/session';
import type { InvitationDocument, PairingDocument, PersonDocument } from '../../db/documents';
import type { OrgRecord, UnitRecord } from '../../db/adminDocuments';
import type { Grant } from '../../runtime/context';
import { JOIN_PAGE } from '../session/invite';

const iso = (value: Date | string) => new Date(value).toISOString();

export function unitView(unit: UnitRecord, streetName: (id: string) => string): UnitView {
  return { id: unit._id, code: unit.code, name: unit.name, level: unit.level, streetId: unit.streetId, streetName: streetName(unit.streetId), contactName: unit.contactName ?? '', contactPhone: unit.contactPhone ?? '' };
}

export function orgView(org: OrgRecord, streetName: (id: string) => string): OrgView {
  return {
    id: org._id,
    code: org.code,
    name: org.name,
    kind: org.kind,
    streetId: org.streetId,
    streetName: streetName(org.streetId),
    address: org.address,
    location: { latitude: org.location.latitude, longitude: org.location.longitude },
    geofenceMetres: org.geofenceMetres,
    partyMembers: org.partyMembers,
    partyOrgForm: org.partyOrgForm,
    massOrganisations: org.massOrganisations,
    contactName: org.contactName ?? '',
    contactPhone: org.contactPhone ?? '',
  };
}

export function pairingSummary(pairing: PairingDocument): PairingSummary {
  return { id: pairing._id, unitId: pairing.unitId, unitName: pairing.unitName, orgId: pairing.orgId, orgName: pairing.orgName, year: pairing.year, startDate: pairing.startDate, endDate: pairing.endDate, arrangedBy: pairing.arrangedBy };
}

export function grantView({ role, scopeType, scopeId, scopeName, approved }: Grant): RoleGrantView {
  return { role, scopeType, scopeId, scopeName, approved };
}

export function personAdminView(person: Pick<PersonDocument, '_id' | 'name' | 'grants'>, visible: (grant: Grant) => boolean = () => true): PersonAdminView {
  return { id: person._id, name: person.name, grants: person.grants.filter(visible).map(grantView) };
}

export function invitationView(invitation: InvitationDocument): InvitationAdminView {
  return {
    id: invitation._id,
    code: invitation.code,
    scopeType: invitation.scopeType,
    scopeName: invitation.scopeName,
    role: invitation.role,
    createdAt: iso(invitation.createdAt),
    revokedAt: invitation.revokedAt ? iso(invitation.revokedAt) : null,
    path: `${JOIN_PAGE}?code=${invitation.code}`,
  };
}
