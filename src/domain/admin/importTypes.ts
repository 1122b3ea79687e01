import type { Subject } from '../access/policy';
import type { OrgKind, PartyOrgForm, UnitLevel } from '../catalog/organisations';
import type { AuditEntry } from './audit';
import type { RowProblem } from './parseTable';
import type { Pairing } from '../catalog/pairing';

/** Documents as the import reads and writes them: known fields, plus whatever else they carry (kept). */
export interface StreetRow {
  readonly _id: string;
  readonly code: string;
  readonly name: string;
}

export interface UnitRow {
  readonly _id: string;
  readonly code: string;
  readonly name: string;
  readonly level: UnitLevel;
  readonly streetId: string;
  readonly contactName?: string;
  readonly contactPhone?: string;
  readonly [other: string]: unknown;
}

export interface OrgRow {
  readonly _id: string;
  readonly code: string;
  readonly name: string;
  readonly kind: OrgKind;
  readonly streetId: string;
  readonly address: string;
  readonly location: { readonly latitude: number; readonly longitude: number };
  readonly geofenceMetres: number;
  readonly partyMembers: number;
  readonly partyOrgForm: PartyOrgForm;
  readonly massOrganisations: readonly string[];
  readonly contactName?: string;
  readonly contactPhone?: string;
  readonly [other: string]: unknown;
}

export interface PairingRow extends Pairing {
  readonly [other: string]: unknown;
}

/** What the import compares the table with. `pairings`: the year's, and every pairing of the units and orgs the table names. */
export interface ImportCurrent {
  readonly streets: readonly StreetRow[];
  readonly units: readonly UnitRow[];
  readonly orgs: readonly OrgRow[];
  readonly pairings: readonly PairingRow[];
}

/**
 * Whose table it is: the importing office as the access policy sees it (the district office: every
 * street; a street office: its streets). `policy.unit.manage` and `policy.org.manage` decide each row.
 */
export type ImportScope = Subject;

export type EntityChange = 'create' | 'update' | 'unchanged' | 'none';
export type PairingChange = 'create' | 'replace' | 'update' | 'unchanged' | 'none';

export interface RowReport {
  readonly row: number;
  readonly unitName: string;
  readonly orgName: string;
  readonly unit: EntityChange;
  readonly org: EntityChange;
  readonly pairing: PairingChange;
  /** Chinese labels of the fields that change (单位名称, 纬度 …). */
  readonly changedFields: readonly string[];
  readonly problems: readonly RowProblem[];
  readonly notes: readonly string[];
}

export type PlanCollection = 'units' | 'orgs' | 'pairings';

export interface PlanOp {
  readonly collection: PlanCollection;
  readonly id: string;
  /** null: the document is created. */
  readonly before: Readonly<Record<string, unknown>> | null;
  readonly after: Readonly<Record<string, unknown>>;
  /** The table row that causes it (ops of a row are applied together). */
  readonly row: number;
}

export interface ImportTotals {
  readonly rows: number;
  readonly errorRows: number;
  readonly changedRows: number;
  readonly unchangedRows: number;
  readonly unitsCreated: number;
  readonly unitsUpdated: number;
  readonly orgsCreated: number;
  readonly orgsUpdated: number;
  readonly pairingsCreated: number;
  readonly pairingsUpdated: number;
  readonly pairingsEnded: number;
}

export interface ImportPlan {
  /** The table's year; null when no row has a readable year. */
  readonly year: number | null;
  readonly rows: readonly RowReport[];
  readonly ops: readonly PlanOp[];
  /** One entry per changed row (`_id` deterministic from the import, so re-applying is idempotent). */
  readonly audit: ReadonlyArray<AuditEntry & { readonly _id: string; readonly row: number }>;
  readonly totals: ImportTotals;
  readonly canCommit: boolean;
}

export interface PlanContext {
  readonly importId: string;
  readonly fileName: string;
  readonly now: Date;
  readonly actor: { readonly id: string; readonly name: string };
  /** A new document id of this kind (random on the server, predictable in tests). */
  readonly newId: (kind: 'unit' | 'org' | 'pairing') => string;
  /** A new unique code for a unit or org the table gives none. */
  readonly newCode: (kind: 'unit' | 'org') => string;
}

export const DEFAULT_GEOFENCE_METRES = 300;
