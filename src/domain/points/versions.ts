import { defaultRuleSet } from './defaultRules';
import type { PointRule, RuleScope, RuleSet } from './rules';
import { ruleKey } from './rules';

/**
 * Which rule set applies to a unit's work on a given day. A new version applies from its effective
 * date; work dated earlier keeps the version it was earned under. A street's own version (for the
 * units it arranges) wins over the district's from its effective date.
 */
export interface RuleTimeline {
  /** Sorted oldest first; never empty (the built-in default covers 1 January). */
  readonly versions: readonly RuleSet[];
}

const scopeRank = (scope: RuleScope) => (scope.kind === 'street' ? 1 : 0);

function compareVersions(a: RuleSet, b: RuleSet): number {
  if (a.effectiveFrom !== b.effectiveFrom) return a.effectiveFrom < b.effectiveFrom ? -1 : 1;
  if (scopeRank(a.scope) !== scopeRank(b.scope)) return scopeRank(a.scope) - scopeRank(b.scope);
  return a.version - b.version;
}

/**
 * The versions that apply to a unit in a year: the district's (with the built-in default first)
 * and, when the unit is arranged by a street, that street's.
 */
export function timelineFor(year: number, saved: readonly RuleSet[], unitStreetId: string | null): RuleTimeline {
  const applicable = saved.filter(
    (set) => set.year === year && (set.scope.kind === 'district' || (unitStreetId !== null && set.scope.streetId === unitStreetId)),
  );
  const sorted = [defaultRuleSet(year), ...applicable].sort(compareVersions);
  // A version shadowed by another taking effect the same day never applies.
  return { versions: sorted.filter((version, index) => sorted[index + 1]?.effectiveFrom !== version.effectiveFrom) };
}

/** The version in force on `date` (`YYYY-MM-DD`). */
export function versionOn(timeline: RuleTimeline, date: string): RuleSet {
  let current = timeline.versions[0]!;
  for (const version of timeline.versions) {
    if (version.effectiveFrom <= date) current = version;
    else break;
  }
  return current;
}

/** The rule with this key in a version, if the version has one. */
export function ruleIn(set: RuleSet, key: string): PointRule | undefined {
  return rulesByKey(set).get(key);
}

const cache = new WeakMap<RuleSet, Map<string, PointRule>>();

export function rulesByKey(set: RuleSet): Map<string, PointRule> {
  let map = cache.get(set);
  if (!map) {
    map = new Map(set.rules.map((rule) => [ruleKey(rule.target), rule]));
    cache.set(set, map);
  }
  return map;
}

const labels = new WeakMap<RuleSet, string>();

/** A version's label: `区第2版（2026-07-01起）` or `默认积分表`. */
export function versionLabel(set: RuleSet): string {
  let label = labels.get(set);
  if (label === undefined) {
    label = set.version === 0 ? '默认积分表' : `${set.scope.kind === 'street' ? '街道' : '区'}第${set.version}版（${set.effectiveFrom}起）`;
    labels.set(set, label);
  }
  return label;
}
