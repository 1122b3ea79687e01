import { z } from 'zod';
import type { CommendedPerson, CommendedUnit } from '../domain/assessment/commendations';
import type { StreetCheckFigures, StreetGrade } from '../domain/assessment/streetCheck';
import type { StreetTotalRow, UnitTotalRow } from '../domain/assessment/totals';
import type { CadenceCalendar } from '../domain/points/calendar';
import type { AreaPoints, EvaluationSummary, MonthCompletion } from '../domain/points/dashboard';
import type { PendingLine, PointLine, PointsTotals } from '../domain/points/engine';
import type { PointsPairing } from '../domain/points/inputs';
import type { PointRule, RuleScope, RuleSet, RuleTarget } from '../domain/points/rules';
import type { RuleSource } from '../domain/points/versions';
import type { ClaimableRule, SelfAssessmentClaim, SelfAssessmentComparison } from '../domain/points/selfAssessment';
import type { ContentArea, RecordKind } from '../domain/records/catalog';
import type { RecordState } from '../domain/records/stateMachine';
import type { ListPage } from './fields';
import { chinaDateField, idField, listPageFields, optionalTextField, textField } from './fields';

/**
 * Cloud function `points`: points (积分) and their rules, self-assessment (自评), dashboards, exports
 * and the annual assessment (考核). Output types are the domain's own where they are the same thing.
 */

export const yearField = z.number({ error: '年度须为数字' }).int('年度须为整数').min(2010, '年度超出范围').max(2100, '年度超出范围');
const pointsField = z.number({ error: '分值须为数字' }).finite('分值须为数字').min(-1000, '分值超出范围').max(1000, '分值超出范围');

const ruleTargetInput = z.discriminatedUnion('type', [
  z.object({ type: z.literal('cadence'), kind: z.enum(['monthlyVisit', 'quarterlyActivity', 'annualSummary']) }),
  z.object({ type: z.literal('record'), kind: z.enum(['openDay', 'festivalVisit', 'otherWork']) }),
  z.object({
    type: z.literal('achievement'),
    achievement: z.string().max(40, '成果编号过长'),
    label: z.string().max(40, '成果名称不能超过 40 字'),
    contentArea: z.string().max(40),
  }),
  z.object({ type: z.literal('evaluation'), round: z.enum(['midYear', 'yearEnd']) }),
  z.object({ type: z.literal('deduction'), period: z.enum(['month', 'quarter', 'year']) }),
]);

export const ruleInput = z.object({
  target: ruleTargetInput,
  points: pointsField,
  latePoints: pointsField.optional(),
  cap: pointsField.nullable(),
});

export const ruleScopeInput = z.union([z.object({ kind: z.literal('district') }), z.object({ kind: z.literal('street'), streetId: idField })]);

/** points.rules — the year's rule versions for a scope (the district's, or a street's own). */
export const rulesInput = z.object({
  year: yearField.optional(),
  streetId: idField.optional(),
  /** Without `streetId`: the caller's own rules — a street office's street's, anyone else the district's (the rules page's first screen). */
  own: z.boolean().optional(),
});
/** points.saveRules — a new version, applying from its effective date (today or later). */
export const saveRulesInput = z.object({
  year: yearField,
  scope: ruleScopeInput,
  effectiveFrom: chinaDateField,
  rules: z.array(ruleInput).max(60, '规则最多 60 条'),
  yearCap: pointsField.nullable(),
  lateAfterDays: z.number({ error: '迟报天数须为数字' }).int('迟报天数须为整数'),
  note: optionalTextField('说明', 200),
});
/** points.adoptDistrictRules — a street follows the district's rules again from a date (today or later). */
export const adoptDistrictRulesInput = z.object({
  year: yearField,
  streetId: idField,
  effectiveFrom: chinaDateField,
  note: optionalTextField('说明', 200),
});
export const settingsInput = z.object({ year: yearField.optional() });
export const saveSettingsInput = z.object({ year: yearField, unitRankings: z.boolean(), selfAssessmentDeadline: chinaDateField });
export const unitPointsInput = z.object({
  unitId: idField.optional(),
  year: yearField.optional(),
  /** Also answer the unit's self-assessment (`selfAssessment`), for a screen that shows both in one call. */
  withSelfAssessment: z.boolean().optional(),
});
export const tagInput = z.object({ recordId: idField, achievement: z.string().regex(/^[A-Za-z][\w-]{0,39}$/, '成果编号不正确') });
export const selfAssessmentInput = z.object({ unitId: idField.optional(), year: yearField.optional() });
export const submitSelfAssessmentInput = z.object({
  unitId: idField,
  year: yearField,
  items: z
    .array(z.object({ ruleKey: z.string().min(1).max(60), claimed: pointsField, remark: optionalTextField('说明', 200) }))
    .max(60, '自评项目过多'),
  remarks: z.string().max(2000).transform((value) => value.trim()).pipe(z.string().max(1000, '自评说明不能超过 1000 字')),
});
export const officeScopeInput = z.object({ year: yearField.optional(), streetId: idField.optional() });
/** points.table, points.assessment — one page of the scope's units; the streets' totals cover them all. */
export const officeUnitsPageInput = officeScopeInput.extend(listPageFields);
export const recordBookInput = z.object({ unitId: idField, year: yearField.optional() });
export const exportRecordBooksInput = z.object({
  year: yearField.optional(),
  streetId: idField.optional(),
  unitIds: z.array(idField).min(1).max(50).optional(),
  offset: z.number().int().min(0).max(100_000).default(0),
});
export const checkStreetInput = z.object({
  year: yearField,
  streetId: idField,
  grade: z.enum(['excellent', 'good', 'fair', 'poor'], { error: '请选择检查结果' }),
  remarks: z.string().max(2000).transform((value) => value.trim()).pipe(z.string().max(500, '检查意见不能超过 500 字')),
});
export const saveCommendationsInput = z.object({
  year: yearField,
  units: z.array(z.object({ unitId: idField, reason: textField('表彰理由', 200) })).max(200, '表彰单位过多'),
  people: z.array(z.object({ name: textField('姓名', 20), unitId: idField, deeds: textField('主要事迹', 300) })).max(500, '表彰人员过多'),
});
export const closeYearInput = z.object({ year: yearField });

// ---- outputs ----

/** A saved (or the built-in) rule set version, with its label and who saved it. */
export interface RuleSetView extends RuleSet {
  readonly label: string;
  readonly savedBy?: string;
  readonly savedAt?: string;
}

/** From a day on, a street's units follow the street's own rules (本街道规则) or the district's (采用区规则). */
export interface RuleSourceView {
  readonly source: RuleSource;
  readonly from: string;
  /** The street version that made the switch (its own, or the one adopting the district's), and who saved it. */
  readonly label?: string;
  readonly savedBy?: string;
  readonly savedAt?: string;
}

export interface RulesOutput {
  readonly year: number;
  readonly scope: RuleScope;
  readonly scopeName: string;
  /** Versions that apply to the scope's units, oldest first. */
  readonly versions: readonly RuleSetView[];
  /** The version in force today. */
  readonly inForce: number;
  /** For a street's scope: whose rules its units follow from when, oldest first (empty for the district's). */
  readonly sources: readonly RuleSourceView[];
  readonly canEdit: boolean;
  readonly today: string;
  /** The year's settings (unit rankings, the self-assessment deadline), which the district sets on the same page. */
  readonly settings: YearSettingsView;
}

export interface YearSettingsView {
  readonly year: number;
  /** Unit rankings are shown to offices only when this is on (国办函〔2026〕12号: never people). */
  readonly unitRankings: boolean;
  readonly selfAssessmentDeadline: string;
  readonly closedAt: string | null;
}

/** A line of the breakdown as the engine explains it (without the engine's attribution fields). */
export type PointLineView = Omit<PointLine, 'contentAreas' | 'ceiling'> & {
  /** For record lines: `一月一到访：到企业…` */
  readonly title?: string;
  readonly orgName?: string;
};

export type PendingLineView = PendingLine & { readonly title?: string };

/** An achievement a record may be tagged with: the rule's target and its points. */
export type AchievementOption = Omit<Extract<RuleTarget, { readonly type: 'achievement' }>, 'type'> & Pick<PointRule, 'points'>;

export interface TaggableRecord {
  readonly recordId: string;
  readonly date: string;
  readonly kind: RecordKind;
  readonly title: string;
  readonly contentAreas: readonly ContentArea[];
  readonly achievements: readonly string[];
}

export interface UnitPointsView {
  readonly year: number;
  readonly unitId: string;
  readonly unitName: string;
  readonly units: ReadonlyArray<{ readonly id: string; readonly name: string }>;
  readonly pairings: ReadonlyArray<Omit<PointsPairing, 'unitId'>>;
  readonly totals: PointsTotals;
  readonly lines: readonly PointLineView[];
  readonly pending: readonly PendingLineView[];
  readonly calendar: CadenceCalendar;
  readonly versions: ReadonlyArray<Pick<RuleSet, 'version' | 'effectiveFrom'> & { readonly label: string }>;
  readonly achievements: readonly AchievementOption[];
  readonly taggable: readonly TaggableRecord[];
  readonly canTag: boolean;
  /** With `withSelfAssessment`: what points.selfAssessment answers for the same unit and year. */
  readonly selfAssessment?: SelfAssessmentView;
}

/** A claimable rule (the domain's), with an unbounded minimum sent as null. */
export type ClaimableRuleView = Omit<ClaimableRule, 'min'> & {
  /** null: no lower bound. */
  readonly min: number | null;
};

export interface SelfAssessmentView {
  readonly year: number;
  readonly unitId: string;
  readonly unitName: string;
  readonly deadline: string;
  readonly open: boolean;
  readonly canSubmit: boolean;
  readonly claimable: readonly ClaimableRuleView[];
  readonly computed: Pick<PointsTotals, 'byRule' | 'total'>;
  readonly submitted: (SelfAssessmentClaim & { readonly submittedAt: string; readonly submittedBy: string }) | null;
  readonly comparison: SelfAssessmentComparison | null;
}

export type UnitTotalView = UnitTotalRow & { readonly streetName: string; readonly rank?: number; readonly selfAssessed?: boolean };

export interface PointsTableView {
  readonly year: number;
  readonly scopeName: string;
  /** True only for offices when the district turned unit rankings on for the year. */
  readonly rankingsOn: boolean;
  readonly ruleColumns: ReadonlyArray<{ readonly key: string; readonly label: string }>;
  /** One page of the units, in the table's order (by code, or by rank when rankings are on). */
  readonly rows: readonly UnitTotalView[];
  /** Where `rows` sit among all the scope's units (`page.total` of them). */
  readonly page: ListPage;
  /** Every street of the scope, over all its units. */
  readonly streets: readonly StreetTotalRow[];
}

export interface DashboardView {
  readonly year: number;
  readonly scopeName: string;
  readonly units: number;
  readonly months: readonly MonthCompletion[];
  readonly areas: readonly AreaPoints[];
  readonly evaluations: readonly EvaluationSummary[];
}

export interface ExportedFile {
  readonly fileID: string;
  readonly url: string;
  readonly fileName: string;
}

export interface RecordBookEntry {
  readonly recordId: string;
  readonly date: string;
  readonly kind: RecordKind;
  readonly orgName: string;
  readonly contentAreas: readonly ContentArea[];
  readonly content: string;
  readonly results: string;
  readonly participants: string;
  readonly state: RecordState;
  readonly paper: boolean;
  readonly confirmedBy: string | null;
  readonly confirmedAt: string | null;
  readonly points: number;
}

export interface RecordBookView {
  readonly year: number;
  readonly unitId: string;
  readonly unitName: string;
  readonly pairings: UnitPointsView['pairings'];
  readonly entries: readonly RecordBookEntry[];
  readonly totals: PointsTotals;
  readonly calendar: CadenceCalendar;
}

export interface RecordBooksExport {
  readonly files: ReadonlyArray<ExportedFile & { readonly unitId: string; readonly unitName: string }>;
  /** Units exported so far (offset + this chunk), of `total`. */
  readonly done: number;
  readonly total: number;
}

export type StreetCheckView = StreetCheckFigures & {
  readonly suggested: StreetGrade;
  readonly grade: StreetGrade | null;
  readonly remarks: string;
  readonly checkedBy?: string;
  readonly checkedAt?: string;
};

export interface AssessmentView {
  readonly year: number;
  readonly scopeName: string;
  readonly closedAt: string | null;
  readonly rankingsOn: boolean;
  /** One page of the scope's units, in the table's order. */
  readonly units: readonly UnitTotalView[];
  /** Where `units` sit among all the scope's units (`page.total` of them). */
  readonly page: ListPage;
  /** Every street of the scope, over all its units. */
  readonly streets: readonly StreetTotalRow[];
  readonly streetChecks: readonly StreetCheckView[];
  readonly commendations: {
    readonly units: ReadonlyArray<CommendedUnit & { readonly unitName: string }>;
    readonly people: ReadonlyArray<CommendedPerson & { readonly unitName: string }>;
  };
  /** The district office edits checks and commendations and closes the year. */
  readonly canEdit: boolean;
  /** Every unit of the scope by name, to choose a commended unit from (only while the caller can edit). */
  readonly unitChoices: ReadonlyArray<{ readonly unitId: string; readonly unitName: string }>;
}

