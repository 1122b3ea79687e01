import type { UnitPoints } from './engine';
import { isDeduction, quoted, round2, ruleKey, ruleLabel, yearlyMaximum } from './rules';
import type { RuleProblem } from './validateRules';
import type { RuleTimeline } from './versions';

/**
 * The year-end self-assessment (自评积分, notice 四(二)): the unit head claims the unit's points per
 * rule with remarks; the office reads it beside the computed points and the differences.
 */
export interface ClaimedItem {
  readonly ruleKey: string;
  readonly claimed: number;
  readonly remark?: string;
}

export interface SelfAssessmentClaim {
  readonly items: readonly ClaimedItem[];
  readonly remarks: string;
}

/** A rule a unit may claim points under, with the range the rules allow in a year. */
export interface ClaimableRule {
  readonly ruleKey: string;
  readonly label: string;
  readonly deduction: boolean;
  /** Lowest claim allowed (negative for deductions). */
  readonly min: number;
  /** Highest claim allowed; null: the rules set no bound. */
  readonly max: number | null;
}

/** The rules of every version of the year, with the widest range any version allows. */
export function claimableRules(timeline: RuleTimeline): ClaimableRule[] {
  const byKey = new Map<string, ClaimableRule>();
  for (const version of timeline.versions) {
    for (const rule of version.rules) {
      const key = ruleKey(rule.target);
      const bound = yearlyMaximum(rule);
      const deduction = isDeduction(rule);
      const previous = byKey.get(key);
      const previousBound = previous === undefined ? undefined : previous.deduction ? (previous.min === -Infinity ? null : -previous.min) : previous.max;
      const widest = previousBound === undefined ? bound : previousBound === null || bound === null ? null : Math.max(previousBound, bound);
      byKey.set(key, {
        ruleKey: key,
        label: ruleLabel(rule.target),
        deduction,
        min: deduction ? (widest === null ? -Infinity : -widest) : 0,
        max: deduction ? 0 : widest,
      });
    }
  }
  return [...byKey.values()];
}

export interface SelfAssessmentWindow {
  /** Last day to submit, `YYYY-MM-DD` (China calendar, inclusive). */
  readonly deadline: string;
  readonly yearClosed: boolean;
  readonly today: string;
}

/** Every reason the claim cannot be accepted, in Chinese (empty when it can). */
export function selfAssessmentProblems(claim: SelfAssessmentClaim, timeline: RuleTimeline, window: SelfAssessmentWindow): RuleProblem[] {
  const problems: RuleProblem[] = [];
  if (window.yearClosed) problems.push({ field: 'year', message: '本年度考核已关闭，不能再提交自评' });
  else if (window.today > window.deadline) problems.push({ field: 'deadline', message: `自评已于 ${window.deadline} 截止，不能再提交` });
  const rules = new Map(claimableRules(timeline).map((rule) => [rule.ruleKey, rule]));
  const seen = new Set<string>();
  let positive = 0;
  claim.items.forEach((item, index) => {
    const field = `items.${index}.claimed`;
    const rule = rules.get(item.ruleKey);
    if (!rule) {
      problems.push({ field: `items.${index}.ruleKey`, message: `积分表中没有“${item.ruleKey}”这一项` });
      return;
    }
    if (seen.has(item.ruleKey)) problems.push({ field: `items.${index}.ruleKey`, message: `${quoted(rule.label)}填写了两次` });
    seen.add(item.ruleKey);
    if (!Number.isFinite(item.claimed)) problems.push({ field, message: `${quoted(rule.label)}的自评分须为数字` });
    else if (rule.deduction && item.claimed > 0) problems.push({ field, message: `${quoted(rule.label)}是扣分项，自评分应为 0 或负数` });
    else if (!rule.deduction && item.claimed < 0) problems.push({ field, message: `${quoted(rule.label)}的自评分不能为负数` });
    else if (item.claimed < rule.min) problems.push({ field, message: `${quoted(rule.label)}最多扣 ${-rule.min} 分，自评超出积分规则` });
    else if (rule.max !== null && item.claimed > rule.max) problems.push({ field, message: `${quoted(rule.label)}全年最多 ${rule.max} 分，自评 ${item.claimed} 分超出积分规则` });
    if (!rule.deduction && Number.isFinite(item.claimed) && item.claimed > 0) positive += item.claimed;
  });
  const yearCaps = timeline.versions.map((version) => version.yearCap);
  const yearCap = yearCaps.includes(null) ? null : Math.max(...(yearCaps as number[]));
  if (yearCap !== null && round2(positive) > yearCap) problems.push({ field: 'items', message: `自评加分合计 ${round2(positive)} 分，超过全年上限 ${yearCap} 分` });
  return problems;
}

export interface ComparisonRow {
  readonly ruleKey: string;
  readonly label: string;
  readonly claimed: number;
  readonly computed: number;
  /** claimed − computed */
  readonly difference: number;
  readonly remark?: string;
}

export interface SelfAssessmentComparison {
  readonly rows: readonly ComparisonRow[];
  readonly claimedTotal: number;
  readonly computedTotal: number;
  /** claimedTotal − computedTotal */
  readonly difference: number;
}

/** The claim beside the computed points, rule by rule, with the differences (every rule that appears on either side). */
export function compareWithComputed(claim: SelfAssessmentClaim, computed: UnitPoints, timeline: RuleTimeline): SelfAssessmentComparison {
  const labels = new Map(claimableRules(timeline).map((rule) => [rule.ruleKey, rule.label]));
  const claimed = new Map(claim.items.map((item) => [item.ruleKey, item]));
  const keys = [...labels.keys()].filter((key) => claimed.has(key) || (computed.totals.byRule[key] ?? 0) !== 0);
  const rows = keys.map((key) => {
    const item = claimed.get(key);
    const computedValue = computed.totals.byRule[key] ?? 0;
    const claimedValue = item?.claimed ?? 0;
    return {
      ruleKey: key,
      label: labels.get(key) ?? key,
      claimed: round2(claimedValue),
      computed: round2(computedValue),
      difference: round2(claimedValue - computedValue),
      ...(item?.remark ? { remark: item.remark } : {}),
    };
  });
  const claimedTotal = round2(claim.items.reduce((sum, item) => sum + item.claimed, 0));
  return { rows, claimedTotal, computedTotal: computed.totals.total, difference: round2(claimedTotal - computed.totals.total) };
}
