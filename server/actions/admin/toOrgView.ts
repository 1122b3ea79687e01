import type { OrgView } from '../../../src/contract/admin';
import type { OrgRecord } from '../../db/adminDocuments';

export function toOrgView(org: OrgRecord, streetName: (id: string) => string): OrgView {
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
