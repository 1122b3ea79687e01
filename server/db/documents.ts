import type { MassOrganisation, OrgKind, PartyOrgForm, UnitLevel } from '../../src/domain/catalog/organisations';
import type { Grant } from '../runtime/context';

/** Shapes of the documents in the cloud database (see collections.ts for the indexes). */

export interface StreetDocument {
  readonly _id: string;
  readonly code: string;
  readonly name: string;
}

export interface UnitDocument {
  readonly _id: string;
  readonly code: string;
  readonly name: string;
  readonly level: UnitLevel;
  readonly streetId: string;
}

export interface Coordinates {
  /** WGS-84 degrees; WeChat's gcj02 is converted at the edge before storing. */
  readonly latitude: number;
  readonly longitude: number;
}

export interface OrgDocument {
  readonly _id: string;
  readonly code: string;
  readonly name: string;
  readonly kind: OrgKind;
  readonly streetId: string;
  readonly address: string;
  readonly location: Coordinates;
  /** Check-ins farther than this from `location` are flagged for review (never refused). */
  readonly geofenceMetres: number;
  readonly partyMembers: number;
  readonly partyOrgForm: PartyOrgForm;
  /** Which mass organisations exist in the org: 工会、共青团、妇女组织. */
  readonly massOrganisations: readonly Exclude<MassOrganisation, 'party'>[];
}

export interface PairingDocument {
  readonly _id: string;
  readonly unitId: string;
  readonly orgId: string;
  readonly year: number;
  /** The org's street: a street office's scope follows the org's and the unit's street. */
  readonly streetId: string;
  readonly unitStreetId: string;
  readonly arrangedBy: 'district' | 'street';
  /** `YYYY-MM-DD`, China calendar; a change of partner mid-year ends one pairing and starts another. */
  readonly startDate: string;
  readonly endDate: string | null;
}

export interface PersonDocument {
  readonly _id: string;
  readonly openid: string;
  readonly name: string;
  readonly grants: readonly Grant[];
  readonly createdAt: Date;
  /** Demo people are listed on the local sign-in page only. */
  readonly demo?: boolean;
  readonly demoOrder?: number;
}
