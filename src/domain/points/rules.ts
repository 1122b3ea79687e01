import type { ContentArea } from '../records/catalog';

/**
 * The points table (积分表, the notice's appendix 3, never published): a versioned rule set per year.
 * Every rule says what earns (or loses) points, how many per item, and the most it may give in a year.
 */

/** Items done once per period (一月一到访、一季一活动、一年一总结): earn once per period. */
export type PeriodicKind = 'monthlyVisit' | 'quarterlyActivity' | 'annualSummary';
/** Items that earn per confirmed record: 党员阵地开放日、“七一”和春节慰问、其他共建工作. */
export type PerRecordKind = 'openDay' | 'festivalVisit' | 'otherWork';
export type EvaluationRound = 'midYear' | 'yearEnd';
export type DeductionPeriod = 'month' | 'quarter' | 'year';

export type RuleTarget =
  | { readonly type: 'cadence'; readonly kind: PeriodicKind }
  | { readonly type: 'record'; readonly kind: PerRecordKind }
  | { readonly type: 'achievement'; readonly achievement: string; readonly label: string; readonly contentArea: ContentArea }
  | { readonly type: 'evaluation'; readonly round: EvaluationRound }
  | { readonly type: 'deduction'; readonly period: DeductionPeriod };

export interface PointRule {
  readonly target: RuleTarget;
  /**
   * Points per item. For an evaluation round: the most one round can give (the round's result is
   * clipped to it). For a deduction: the points taken off per missed period (a positive number).
   */
  readonly points: number;
  /** Periodic items only: points when the record was written up late (see `lateAfterDays`). */
  readonly latePoints?: number;
  /** The most this rule gives (or, for a deduction, takes) in a year; null: no cap of its own. */
  readonly cap: number | null;
}

/** Who owns a rule set: the district, or a street for the units it arranges (街道机关、驻街单位). */
export type RuleScope = { readonly kind: 'district' } | { readonly kind: 'street'; readonly streetId: string };

export interface RuleSet {
  readonly year: number;
  /** 1, 2, ... per scope and year; 0 is the built-in default. */
  readonly version: number;
  /** `YYYY-MM-DD`: the rule set applies to work dated on or after this day (until the next version). */
  readonly effectiveFrom: string;
  readonly scope: RuleScope;
  readonly rules: readonly PointRule[];
  /** The most positive points a unit can earn in the year (work, achievements and evaluation); null: none. */
  readonly yearCap: number | null;
  /** A periodic item written up more than this many days after its period ended counts as late (迟报). */
  readonly lateAfterDays: number;
  readonly note?: string;
  /**
   * A street's version that only says: from its effective date the street follows the district's rules
   * again (the district's version then in force and its later ones). Its own rules are not used.
   */
  readonly followsDistrict?: boolean;
}

export const periodicKindLabels: Record<PeriodicKind, string> = {
  monthlyVisit: '一月一到访',
  quarterlyActivity: '一季一活动（联合活动）',
  annualSummary: '一年一总结（工作会议）',
};

export const perRecordKindLabels: Record<PerRecordKind, string> = {
  openDay: '党员阵地开放日',
  festivalVisit: '“七一”、春节慰问',
  otherWork: '其他共建工作',
};

export const evaluationRoundLabels: Record<EvaluationRound, string> = {
  midYear: '年中评议',
  yearEnd: '年终评议',
};

export const deductionPeriodLabels: Record<DeductionPeriod, string> = {
  month: '缺一月到访',
  quarter: '缺一季联合活动',
  year: '缺年度总结会议',
};

/** How many of each periodic item a full year has. */
export const periodsPerYear: Record<PeriodicKind, number> = { monthlyVisit: 12, quarterlyActivity: 4, annualSummary: 1 };
export const deductionPeriodsPerYear: Record<DeductionPeriod, number> = { month: 12, quarter: 4, year: 1 };
export const deductedItem: Record<DeductionPeriod, PeriodicKind> = { month: 'monthlyVisit', quarter: 'quarterlyActivity', year: 'annualSummary' };

/** A rule's stable key: two rules with the same key overlap. */
export function ruleKey(target: RuleTarget): string {
  switch (target.type) {
    case 'cadence':
    case 'record':
      return target.kind;
    case 'achievement':
      return `achievement.${target.achievement}`;
    case 'evaluation':
      return `evaluation.${target.round}`;
    case 'deduction':
      return `deduction.${target.period}`;
  }
}

const ruleLabels = new WeakMap<RuleTarget, string>();

/** The rule's name in Chinese, as the breakdown and the exports show it. */
export function ruleLabel(target: RuleTarget): string {
  let label = ruleLabels.get(target);
  if (label === undefined) {
    label = labelOf(target);
    ruleLabels.set(target, label);
  }
  return label;
}

function labelOf(target: RuleTarget): string {
  switch (target.type) {
    case 'cadence':
      return periodicKindLabels[target.kind];
    case 'record':
      return perRecordKindLabels[target.kind];
    case 'achievement':
      return `成果：${target.label}`;
    case 'evaluation':
      return evaluationRoundLabels[target.round];
    case 'deduction':
      return `扣分：${deductionPeriodLabels[target.period]}`;
  }
}

export function isDeduction(rule: PointRule): boolean {
  return rule.target.type === 'deduction';
}

/**
 * The most a rule can give (or take) in a year when every item is done: used to refuse a
 * self-assessment claiming points outside the rules. Null when the rule has no bound.
 */
export function yearlyMaximum(rule: PointRule): number | null {
  const count =
    rule.target.type === 'cadence'
      ? periodsPerYear[rule.target.kind]
      : rule.target.type === 'deduction'
        ? deductionPeriodsPerYear[rule.target.period]
        : rule.target.type === 'evaluation'
          ? 1
          : null;
  const byCount = count === null ? null : round2(count * rule.points);
  if (byCount === null) return rule.cap;
  return rule.cap === null ? byCount : Math.min(byCount, rule.cap);
}

/** Points are kept to two decimals (evaluation results are not whole numbers). */
export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/** `+2`, `-1.5`, `0` */
export function signedPoints(value: number): string {
  const rounded = round2(value);
  return rounded > 0 ? `+${rounded}` : String(rounded);
}

export function scopeKey(scope: RuleScope): string {
  return scope.kind === 'district' ? 'district' : `street:${scope.streetId}`;
}

/** A rule's name in quotes for a sentence, without doubling quotes it already starts with. */
export function quoted(label: string): string {
  return label.startsWith('“') ? label : `“${label}”`;
}
