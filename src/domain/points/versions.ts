import { defaultRuleSet } from './defaultRules';
import type { PointRule, RuleScope, RuleSet } from './rules';
import { ruleKey } from './rules';

/**
 * Which rule set applies to a unit's work on a given day. A new version applies from its effective
 * date; work dated earlier keeps the version it was earned under.
 * A unit arranged by a street follows the district's versions until the street's own first version
 * takes effect; from then on the street's versions apply to it, and a later district version does not
 * replace them, until the street follows the district again (a street version with `followsDistrict`),
 * from which day the district's version in force, and its later ones, apply again.
 */
export interface RuleTimeline {
  /** The versions that apply at some time of the year, in the order they first apply; never empty. */
  readonly versions: readonly RuleSet[];
  /** From which day (`YYYY-MM-DD`) which version applies, oldest first; the first starts on 1 January. */
  readonly periods: readonly RulePeriod[];
}

export interface RulePeriod {
  readonly from: string;
  readonly set: RuleSet;
}

const scopeRank = (scope: RuleScope) => (scope.kind === 'street' ? 1 : 0);

function compareVersions(a: RuleSet, b: RuleSet): number {
  if (a.effectiveFrom !== b.effectiveFrom) return a.effectiveFrom < b.effectiveFrom ? -1 : 1;
  if (scopeRank(a.scope) !== scopeRank(b.scope)) return scopeRank(a.scope) - scopeRank(b.scope);
  return a.version - b.version;
}

/**
 * The versions that apply to a unit in a year: the district's (with the built-in default first)
 * and, when the unit is arranged by a street, that street's. Versions taking effect the same day are
 * applied in order (district, then street, lower version first): only the last of the day applies.
 */
export function timelineFor(year: number, saved: readonly RuleSet[], unitStreetId: string | null): RuleTimeline {
  const applicable = saved.filter(
    (set) => set.year === year && (set.scope.kind === 'district' || (unitStreetId !== null && set.scope.streetId === unitStreetId)),
  );
  const sorted = [defaultRuleSet(year), ...applicable].sort(compareVersions);
  const periods: RulePeriod[] = [];
  let district: RuleSet = sorted[0]!;
  let street: RuleSet | null = null;
  for (let index = 0; index < sorted.length; index += 1) {
    const set = sorted[index]!;
    if (set.scope.kind === 'district') district = set;
    else street = set.followsDistrict === true ? null : set;
    if (sorted[index + 1]?.effectiveFrom === set.effectiveFrom) continue;
    const applies = street ?? district;
    const last = periods[periods.length - 1];
    if (last === undefined || last.set !== applies) periods.push({ from: set.effectiveFrom, set: applies });
  }
  return { versions: [...new Set(periods.map((period) => period.set))], periods };
}

/** The version in force on `date` (`YYYY-MM-DD`). */
export function versionOn(timeline: RuleTimeline, date: string): RuleSet {
  const { periods } = timeline;
  let current = periods[0]!.set;
  for (let index = 1; index < periods.length; index += 1) {
    const period = periods[index]!;
    if (period.from <= date) current = period.set;
    else break;
  }
  return current;
}

/** Whose rules apply to a street's units: the street's own (本街道规则) or the district's (采用区规则). */
export type RuleSource = 'street' | 'district';

export interface RuleSourceRun {
  readonly source: RuleSource;
  /** From which day (`YYYY-MM-DD`); the first run starts on 1 January. */
  readonly from: string;
  /**
   * The street version that started the run: its own version, or the one by which it adopted the
   * district's (`followsDistrict`); null for the district's rules before the street's first version.
   */
  readonly startedBy: RuleSet | null;
}

/**
 * When a street's units switch between the street's own rules and the district's, oldest first
 * (consecutive versions of the same source are one run). `timeline` is the street's
 * (`timelineFor(year, saved, streetId)`); `saved` holds the street's saved versions.
 */
export function ruleSources(timeline: RuleTimeline, saved: readonly RuleSet[]): RuleSourceRun[] {
  const runs: RuleSourceRun[] = [];
  for (const period of timeline.periods) {
    const source: RuleSource = period.set.scope.kind === 'street' ? 'street' : 'district';
    if (runs[runs.length - 1]?.source === source) continue;
    const adopting = saved
      .filter((set) => set.scope.kind === 'street' && set.followsDistrict === true && set.effectiveFrom === period.from)
      .reduce<RuleSet | null>((latest, set) => (latest === null || set.version > latest.version ? set : latest), null);
    runs.push({ source, from: period.from, startedBy: source === 'street' ? period.set : adopting });
  }
  return runs;
}

/** The run in force on `date` (`YYYY-MM-DD`): of `ruleSources`, or of the same runs as the pages receive them. */
export function sourceOn<Run extends { readonly from: string }>(runs: readonly Run[], date: string): Run {
  let current = runs[0]!;
  for (const run of runs) if (run.from <= date) current = run;
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

/** A version's label: `区第2版（2026-07-01起）`, `街道第3版：采用区的积分规则（2026-09-01起）` or `默认积分表`. */
export function versionLabel(set: RuleSet): string {
  let label = labels.get(set);
  if (label === undefined) {
    const adopts = set.scope.kind === 'street' && set.followsDistrict === true ? '：采用区的积分规则' : '';
    label = set.version === 0 ? '默认积分表' : `${set.scope.kind === 'street' ? '街道' : '区'}第${set.version}版${adopts}（${set.effectiveFrom}起）`;
    labels.set(set, label);
  }
  return label;
}

/**
 * The version a run of look-ups last found, with its rules by key and its label: a unit's lines, in
 * date order, change version a few times a year at most, so each line need not look them up again.
 */
export interface VersionMemo {
  set: RuleSet | undefined;
  rules: ReadonlyMap<string, PointRule>;
  label: string;
}

const NO_RULES: ReadonlyMap<string, PointRule> = new Map();

export function versionMemo(): VersionMemo {
  return { set: undefined, rules: NO_RULES, label: '' };
}

/** The version in force on `date` (as versionOn); the memo then holds its rules and label. */
export function inForce(memo: VersionMemo, timeline: RuleTimeline, date: string): RuleSet {
  const set = versionOn(timeline, date);
  if (set !== memo.set) {
    memo.set = set;
    memo.rules = rulesByKey(set);
    memo.label = versionLabel(set);
  }
  return set;
}
