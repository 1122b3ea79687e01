import { z } from 'zod';
import type { TrailItem } from '../domain/admin/audit';
import type { ImportState } from '../domain/admin/importJob';
import type { ImportTotals, RowReport } from '../domain/admin/importTypes';
import type { TableFileFormat } from '../domain/admin/tableFormat';
import { tableFileFormats } from '../domain/admin/tableFormat';
import type { Pairing } from '../domain/catalog/pairing';
import type { MassOrganisation, OrgKind, PartyOrgForm, UnitLevel } from '../domain/catalog/organisations';
import type { LeaderRequestView } from './adminLeaders';
import { chinaDateField, idField, latitudeField, longitudeField, optionalTextField, textField } from './fields';
import type { Role } from './people';
import { roles } from './people';
import type { Grant } from './people';

/** Administration: the pairing table (import, export), units, orgs, pairings, people, invitations, audit. */

const unitLevelIds = ['districtDirect', 'districtStationed', 'publicInstitution', 'streetAgency', 'streetStationed'] as const satisfies readonly UnitLevel[];
const orgKindIds = ['enterprise', 'socialOrg'] as const satisfies readonly OrgKind[];
const partyOrgFormIds = ['standalone', 'joint', 'coveredByArea', 'none'] as const satisfies readonly PartyOrgForm[];
const massOrganisationIds = ['union', 'youthLeague', 'womens'] as const satisfies readonly Exclude<MassOrganisation, 'party'>[];

export const fileIdField = z.string({ error: '请先上传文件' }).min(1, '请先上传文件').max(500).regex(/^cloud:\/\/\S+$/, '文件编号格式不正确');
const yearField = z.number({ error: '年度须为数字' }).int('年度须为整数').min(2000, '年度不正确').max(2100, '年度不正确');
const codeField = z
  .string()
  .transform((value) => value.trim())
  .pipe(z.string().regex(/^[\w\-.]{1,32}$/, '编码只能包含字母、数字、“-”“_”“.”，最长 32 位'));
const phoneField = z
  .string()
  .transform((value) => value.trim())
  .pipe(z.string().regex(/^([0-9+\-() ]{3,20})?$/, '联系电话只能有数字、空格、+、-、括号，最长 20 位'));

/* ---- import and export ---- */

/** admin.importDryRun — read an uploaded .xlsx or CSV and answer, row by row, what a commit would do. */
export const importDryRunInput = z.object({
  fileId: fileIdField,
  fileName: z.string().transform((value) => value.trim()).pipe(z.string().min(1, '缺少文件名').max(200, '文件名太长')),
});
export interface ImportReportView {
  readonly importId: string;
  readonly state: ImportState;
  readonly fileName: string;
  readonly format: TableFileFormat | null;
  readonly year: number | null;
  /** Problems with the whole file; nothing can be imported while there are any. */
  readonly fileProblems: readonly string[];
  readonly warnings: readonly string[];
  readonly totals: ImportTotals | null;
  /** Rows with problems first, then rows that change; unchanged rows are only counted. */
  readonly rows: readonly RowReport[];
  readonly rowsOmitted: number;
  readonly canCommit: boolean;
  /** Transactions a commit will take (progress is counted in these). */
  readonly chunks: number;
  /** Rows each of those transactions writes, in order (the page shows 已导入 x / y 行 from them). */
  readonly chunkRows: readonly number[];
}

/** admin.importCommit — apply (or resume, or finish undoing) an import, a few transactions per call. */
export const importCommitInput = z.object({ importId: idField, maxChunks: z.number().int().min(1).max(500).optional() });
export const importRefInput = z.object({ importId: idField });
export interface ImportProgressView {
  readonly importId: string;
  readonly state: ImportState;
  readonly applied: number;
  readonly total: number;
  /** Why a commit failed and was undone (Chinese). */
  readonly message: string | null;
  readonly totals: ImportTotals | null;
}

/** admin.export — the current table (or an empty template) as .xlsx or CSV in cloud storage. */
export const exportInput = z.object({ year: yearField.optional(), format: z.enum(tableFileFormats, { error: '格式只能是 xlsx 或 csv' }).default('xlsx'), template: z.boolean().default(false) });
export interface ExportView {
  readonly fileId: string;
  /** A temporary download link. */
  readonly url: string;
  readonly fileName: string;
  readonly rows: number;
}

/* ---- overview and directory ---- */

export const overviewInput = z.object({}).strict();
export interface StreetView {
  readonly id: string;
  readonly name: string;
}
export interface OverviewView {
  readonly year: number;
  readonly district: boolean;
  /** The streets the caller's office covers (every street for the district office). */
  readonly streets: readonly StreetView[];
  readonly counts: { readonly units: number; readonly orgs: number; readonly pairings: number };
  /** What waits for the office (工作台待办): party leaders to approve, submitted plans to review, complaints and suggestions to answer, flagged records to check (admin.recordChecks). */
  readonly waiting: { readonly leaders: number; readonly plans: number; readonly feedback: number; readonly records: number };
  /** The party leaders waiting for the caller's approval, oldest request first (admin.leaderRequests). */
  readonly leaderRequests: readonly LeaderRequestView[];
}

export const directoryInput = z.object({
  kind: z.enum(['units', 'orgs', 'pairings']),
  search: z.string().transform((value) => value.trim()).pipe(z.string().max(40, '搜索词不能超过 40 字')).optional(),
  streetId: idField.optional(),
  year: yearField.optional(),
  cursor: z.string().regex(/^\d{1,6}$/).optional(),
  limit: z.number().int().min(1).max(100).default(50),
});
export interface UnitSummary {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly level: UnitLevel;
  readonly streetId: string;
  readonly streetName: string;
}
export interface OrgSummary {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly kind: OrgKind;
  readonly streetId: string;
  readonly streetName: string;
  readonly address: string;
}
export interface PairingSummary {
  readonly id: string;
  readonly unitId: string;
  readonly unitName: string;
  readonly orgId: string;
  readonly orgName: string;
  readonly year: number;
  readonly startDate: string;
  readonly endDate: string | null;
  readonly arrangedBy: Pairing['arrangedBy'];
}
export interface DirectoryView {
  readonly units: readonly UnitSummary[];
  readonly orgs: readonly OrgSummary[];
  readonly pairings: readonly PairingSummary[];
  readonly total: number;
  readonly nextCursor?: string;
}

/* ---- units, orgs, pairings ---- */

export const unitRefInput = z.object({ unitId: idField });
export interface UnitView extends UnitSummary {
  readonly contactName: string;
  readonly contactPhone: string;
}
export interface UnitDetail {
  readonly unit: UnitView;
  /** This year's and earlier pairings, newest first. */
  readonly pairings: readonly PairingSummary[];
  readonly canManage: boolean;
  readonly canManagePeople: boolean;
  /** The streets it may be moved to by the caller (its own street only, for those who may not move it). */
  readonly streets: readonly StreetView[];
  /** Its people, with their roles in it (as admin.people answers them). */
  readonly people: readonly PersonAdminView[];
}

export const saveUnitInput = z.object({
  /** Absent: a new unit. */
  unitId: idField.optional(),
  name: textField('单位名称', 60),
  code: codeField.optional(),
  level: z.enum(unitLevelIds, { error: '请选择单位层级' }),
  streetId: idField,
  contactName: optionalTextField('联系人', 20),
  contactPhone: phoneField.optional(),
});

export const orgRefInput = z.object({ orgId: idField });
export interface OrgView extends OrgSummary {
  /** WGS-84. */
  readonly location: { readonly latitude: number; readonly longitude: number };
  readonly geofenceMetres: number;
  readonly partyMembers: number;
  readonly partyOrgForm: PartyOrgForm;
  readonly massOrganisations: readonly string[];
  readonly contactName: string;
  readonly contactPhone: string;
}
export interface OrgDetail {
  readonly org: OrgView;
  readonly pairings: readonly PairingSummary[];
  readonly canManage: boolean;
  /** Its leader may correct address, location and contacts. */
  readonly canEditDetails: boolean;
  readonly canManagePeople: boolean;
  /** The streets it may be moved to by the caller (its own street only, for those who may not move it). */
  readonly streets: readonly StreetView[];
  /** Its people, for those who may edit its details (its leader, its offices); null for its paired unit. */
  readonly people: readonly PersonAdminView[] | null;
}

export const saveOrgInput = z.object({
  orgId: idField.optional(),
  name: textField('组织名称', 60),
  code: codeField.optional(),
  kind: z.enum(orgKindIds, { error: '请选择组织类型' }),
  streetId: idField,
  address: optionalTextField('地址', 120),
  /** Typed (WGS-84 by default) or picked on WeChat's map (`gcj02`): stored as WGS-84. */
  location: z.object({ latitude: latitudeField, longitude: longitudeField, system: z.enum(['wgs84', 'gcj02']).default('wgs84') }),
  geofenceMetres: z.number({ error: '签到范围须为数字' }).int().min(50, '签到范围至少 50 米').max(3000, '签到范围最多 3000 米').default(300),
  partyMembers: z.number({ error: '党员人数须为数字' }).int('党员人数须为整数').min(0, '党员人数不能为负').max(100_000, '党员人数过多').default(0),
  partyOrgForm: z.enum(partyOrgFormIds).default('none'),
  massOrganisations: z.array(z.enum(massOrganisationIds)).max(3).default([]),
  contactName: optionalTextField('联系人', 20),
  contactPhone: phoneField.optional(),
});

/** admin.savePairing — pair a unit with an org for a year; a different org ends the running pairing (kept as history). */
export const savePairingInput = z.object({ unitId: idField, orgId: idField, year: yearField, startDate: chinaDateField.optional() });
export interface SavePairingView {
  readonly pairing: PairingSummary;
  /** The pairing this one replaces, now ended. */
  readonly ended: PairingSummary | null;
  readonly unchanged: boolean;
}
export const endPairingInput = z.object({ pairingId: idField, endDate: chinaDateField });

/* ---- people and invitations ---- */

export const peopleInput = z.object({
  scopeType: z.enum(['unit', 'org', 'street', 'district', 'any']),
  /** The unit, org or street; for `district` and `any` leave out. */
  scopeId: idField.optional(),
  /** `any`: people whose name contains this (district office only). */
  search: z.string().transform((value) => value.trim()).pipe(z.string().max(20)).optional(),
});
export interface PersonAdminView {
  readonly id: string;
  readonly name: string;
  /** Grants the caller may see (in the asked scope). */
  readonly grants: readonly Grant[];
}
export const removeGrantInput = z.object({ personId: idField, role: z.enum(roles), scopeId: idField });
export const setUnitRoleInput = z.object({ personId: idField, unitId: idField, role: z.enum(['unitStaff', 'unitHead']) });
export const grantOfficeInput = z.object({ personId: idField, role: z.enum(['streetOffice', 'districtOffice']), scopeId: idField });

export const invitationsInput = z.object({ scopeType: z.enum(['unit', 'org']), scopeId: idField });
export interface InvitationAdminView {
  readonly id: string;
  readonly code: string;
  readonly scopeType: 'unit' | 'org';
  readonly scopeName: string;
  readonly role: Role;
  readonly createdAt: string;
  readonly revokedAt: string | null;
  readonly path: string;
}
/** admin.revokeInvitation — stop the standing code of a unit or org; the next invitation gets a new code. */
export const revokeInvitationInput = invitationsInput;

/* ---- audit ---- */

export const auditInput = z.object({
  unitId: idField.optional(),
  orgId: idField.optional(),
  personId: idField.optional(),
  /** Entries before this instant (ISO), for the next page. */
  before: z.iso.datetime({ error: "时间格式不正确" }).optional(),
  limit: z.number().int().min(1).max(100).default(30),
});
export interface AuditView {
  readonly items: readonly TrailItem[];
  /** Pass as `before` to read on. */
  readonly nextBefore?: string;
}

export type { ImportState, ImportTotals, RowReport, TrailItem };

/* ---- review flags (待核查的记录) ---- */

export const REVIEW_NOTE_MAX = 200;
/** admin.reviewRecordCheck — an office marks a flagged record as checked, with what it found (required, at most 200 characters). */
export const reviewRecordCheckInput = z
  .object({
    recordId: idField,
    note: z
      .string({ error: '请填写核查说明' })
      .transform((value) => value.trim())
      .pipe(z.string().min(1, '请填写核查说明').max(REVIEW_NOTE_MAX, `核查说明最多 ${REVIEW_NOTE_MAX} 字`)),
  })
  .strict();
