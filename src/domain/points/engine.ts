import type { ContentArea } from '../records/catalog';
import type { RecordState } from '../records/stateMachine';
import type { CadenceCalendar, CalendarEntry } from './calendar';
import { cadenceCalendar, calendarEntries } from './calendar';
import type { Earning, LineSource } from './earnings';
import { achievementEarnings, areasOf, evaluationEarnings, noteOf, periodicEarnings, periodText, perRecordEarnings, rawOf, recordSource, sortEarnings } from './earnings';
import type { AchievementTag, EvaluationResult, PointsPairing, PointsRecord } from './inputs';
import type { DeductionPeriod, RuleSet } from './rules';
import { evaluationRoundLabels, round2, ruleLabel } from './rules';
import { areaPointsShown, areaShares } from './areas';
import type { RuleTimeline } from './versions';
import { inForce, versionMemo } from './versions';

/**
 * The points engine: a unit's points for a year, every point explained — which record (or period,
 * or evaluation round), which rule of which version, and which cap cut it. Only confirmed records
 * earn; submitted, disputed and revised ones are listed apart as pending.
 *
 * Formula: total = Σ earned (each item clipped by its rule's yearly cap, then by the year cap, in date
 * order, each under the version in force on its date) − Σ deductions (each rule clipped by its cap).
 */
export type { LineSource } from './earnings';

export interface CapApplied {
  readonly by: 'item' | 'year';
  /** The cap's value in the version that applied. */
  readonly limit: number;
}

export interface PointLine {
  /** The rule's key (`monthlyVisit`, `achievement.researchReport`, `deduction.month`, ...). */
  readonly ruleKey: string;
  readonly ruleLabel: string;
  readonly version: number;
  readonly versionLabel: string;
  readonly source: LineSource;
  /** `YYYY-MM-DD`: the day that decided the version. */
  readonly date: string;
  /** What the rule gives before caps (negative for deductions). */
  readonly raw: number;
  /** What counts. */
  readonly points: number;
  readonly cap?: CapApplied;
  /** Why, in Chinese. */
  readonly note: string;
  /** Content areas the points are attributed to (shared evenly). */
  readonly contentAreas: readonly ContentArea[];
  /** Evaluation rounds: the most the round could give under its rule. */
  readonly ceiling?: number;
}

export interface PendingLine {
  readonly source: LineSource;
  readonly state: RecordState | 'evaluationOpen';
  readonly note: string;
}

export interface PointsTotals {
  /** Positive points after caps. */
  readonly earned: number;
  /** Points taken off, as a negative number (or 0). */
  readonly deducted: number;
  readonly evaluation: number;
  readonly total: number;
  readonly byRule: Readonly<Record<string, number>>;
  readonly byArea: Readonly<Partial<Record<ContentArea, number>>>;
}

export interface UnitPoints {
  readonly unitId: string;
  readonly year: number;
  readonly lines: readonly PointLine[];
  readonly pending: readonly PendingLine[];
  readonly calendar: CadenceCalendar;
  readonly totals: PointsTotals;
  /** The versions that applied to at least one line. */
  readonly versionsUsed: readonly number[];
}

export interface UnitPointsInput {
  readonly year: number;
  readonly unitId: string;
  readonly pairings: readonly PointsPairing[];
  /** Records of those pairings, in any state (drafts count for nothing). */
  readonly records: readonly PointsRecord[];
  readonly tags: readonly AchievementTag[];
  readonly evaluations: readonly EvaluationResult[];
  readonly timeline: RuleTimeline;
  readonly now: Date;
  /** Build the Chinese notes of every line (the breakdown); false for totals only (a whole district). Default true. */
  readonly explain?: boolean;
}

const pendingNotes: Partial<Record<RecordState, string>> = {
  submitted: '待“两新”组织党组织负责人确认，确认后计分',
  disputed: '对方提出异议，修改并重新确认后计分',
  revised: '修改中，重新提交并确认后计分',
};

export function computeUnitPoints(input: UnitPointsInput): UnitPoints {
  const { year, timeline, now } = input;
  const pairingIds = new Set<string>();
  for (const pairing of input.pairings) pairingIds.add(pairing.id);
  const records: PointsRecord[] = [];
  const confirmed: PointsRecord[] = [];
  const recordsByPairing = new Map<string, PointsRecord[]>();
  for (const record of input.records) {
    if (!pairingIds.has(record.pairingId)) continue;
    records.push(record);
    if (record.state === 'confirmed') confirmed.push(record);
    const list = recordsByPairing.get(record.pairingId);
    if (list) list.push(record);
    else recordsByPairing.set(record.pairingId, [record]);
  }
  const calendar = cadenceCalendar(year, input.pairings, recordsByPairing, timeline, now);
  const entries = calendarEntries(calendar);
  const earnings: Earning[] = [];
  periodicEarnings(entries, confirmed, earnings);
  perRecordEarnings(confirmed, earnings);
  achievementEarnings(confirmed, input.tags, earnings);
  evaluationEarnings(input.evaluations, input.unitId, year, now, earnings);
  const explain = input.explain ?? true;
  const lines = mergeByDate(applyCaps(earnings, timeline, explain), deductions(entries, timeline, explain));
  const versions = new Set<number>();
  for (const line of lines) versions.add(line.version);
  return {
    unitId: input.unitId,
    year,
    lines,
    pending: pendingLines(records, input.evaluations, input.unitId, year, now),
    calendar,
    totals: totalsOf(lines),
    versionsUsed: [...versions].sort(ascending),
  };
}

/**
 * Two runs of lines, each in date order, as one in date order: what a stable sort of `first` then
 * `second` gives (on the same day, `first`'s lines come first), without sorting.
 */
function mergeByDate(first: readonly PointLine[], second: readonly PointLine[]): PointLine[] {
  if (second.length === 0) return first as PointLine[];
  const merged: PointLine[] = [];
  let at = 0;
  for (const line of second) {
    while (at < first.length && !(line.date < first[at]!.date)) merged.push(first[at++]!);
    merged.push(line);
  }
  while (at < first.length) merged.push(first[at++]!);
  return merged;
}
const ascending = (a: number, b: number) => a - b;

/** A line with one fixed shape (the engine makes tens of thousands for a district: no spreads, no optional keys added later). */
function makeLine(
  ruleKey: string,
  ruleLabelText: string,
  version: RuleSet,
  versionText: string,
  source: LineSource,
  date: string,
  raw: number,
  points: number,
  cap: CapApplied | undefined,
  note: string,
  contentAreas: readonly ContentArea[],
  ceiling: number | undefined,
): PointLine {
  return { ruleKey, ruleLabel: ruleLabelText, version: version.version, versionLabel: versionText, source, date, raw, points, cap, note, contentAreas, ceiling };
}

/** Earnings in date order (sorted in place), each clipped by its rule's yearly cap and then by the year cap, under the version of its date. */
function applyCaps(earnings: Earning[], timeline: RuleTimeline, explain: boolean): PointLine[] {
  sortEarnings(earnings);
  const byRule = new Map<string, number>();
  let yearTotal = 0;
  const lines: PointLine[] = [];
  const versions = versionMemo();
  for (const earning of earnings) {
    const version = inForce(versions, timeline, earning.date);
    const rule = versions.rules.get(earning.ruleKey);
    if (!rule) {
      lines.push(makeLine(earning.ruleKey, earning.fallbackLabel, version, versions.label, earning.source, earning.date, 0, 0, undefined, explain ? `${versions.label}未设此项，不计分` : '', earning.contentAreas, undefined));
      continue;
    }
    const raw = rawOf(earning, rule);
    let points = raw;
    let cap: CapApplied | undefined;
    let capNote = '';
    const soFar = byRule.get(earning.ruleKey) ?? 0;
    if (rule.cap !== null && soFar + points > rule.cap) {
      points = Math.max(0, round2(rule.cap - soFar));
      cap = { by: 'item', limit: rule.cap };
      if (explain) capNote = `；本项全年上限 ${rule.cap} 分，已计 ${round2(soFar)} 分，本条计 ${points} 分`;
    }
    if (version.yearCap !== null && yearTotal + points > version.yearCap) {
      points = Math.max(0, round2(version.yearCap - yearTotal));
      cap = { by: 'year', limit: version.yearCap };
      if (explain) capNote = `；全年积分上限 ${version.yearCap} 分，已计 ${round2(yearTotal)} 分，本条计 ${points} 分`;
    }
    points = round2(points);
    byRule.set(earning.ruleKey, round2(soFar + points));
    yearTotal = round2(yearTotal + points);
    const note = explain ? `${noteOf(earning, rule)}${capNote}` : '';
    lines.push(makeLine(earning.ruleKey, ruleLabel(rule.target), version, versions.label, earning.source, earning.date, raw, points, cap, note, areasOf(earning, rule), earning.how === 'evaluation' ? rule.points : undefined));
  }
  return lines;
}

const deductionPeriodOf: Record<CalendarEntry['item'], DeductionPeriod> = { monthlyVisit: 'month', quarterlyActivity: 'quarter', annualSummary: 'year' };
const deductionKeys: Record<CalendarEntry['item'], string> = { monthlyVisit: `deduction.${deductionPeriodOf.monthlyVisit}`, quarterlyActivity: `deduction.${deductionPeriodOf.quarterlyActivity}`, annualSummary: `deduction.${deductionPeriodOf.annualSummary}` };

/** A missed month, quarter or summary meeting takes points off, each rule up to its cap. */
function deductions(entries: readonly CalendarEntry[], timeline: RuleTimeline, explain: boolean): PointLine[] {
  const byRule = new Map<string, number>();
  const lines: PointLine[] = [];
  const versions = versionMemo();
  for (const entry of entries.filter((candidate) => candidate.status === 'missing').sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0))) {
    const key = deductionKeys[entry.item];
    const version = inForce(versions, timeline, entry.dueDate);
    const rule = versions.rules.get(key);
    const source: LineSource = { type: 'period', periodKey: entry.key, periodLabel: periodText(entry) };
    if (!rule) continue;
    const soFar = byRule.get(key) ?? 0;
    let taken = rule.points;
    let cap: CapApplied | undefined;
    let note = explain ? `${periodText(entry)}没有已确认的记录` : '';
    if (rule.cap !== null && soFar + taken > rule.cap) {
      taken = Math.max(0, round2(rule.cap - soFar));
      cap = { by: 'item', limit: rule.cap };
      if (explain) note += `；本项扣分全年最多 ${rule.cap} 分，已扣 ${round2(soFar)} 分，本条扣 ${taken} 分`;
    }
    byRule.set(key, round2(soFar + taken));
    lines.push(makeLine(key, ruleLabel(rule.target), version, versions.label, source, entry.dueDate, -rule.points, taken === 0 ? 0 : -round2(taken), cap, note, [], undefined));
  }
  return lines;
}

function pendingLines(records: readonly PointsRecord[], evaluations: readonly EvaluationResult[], unitId: string, year: number, now: Date): PendingLine[] {
  const pending: PendingLine[] = records
    .filter((record) => pendingNotes[record.state] !== undefined)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
    .map((record) => ({ source: recordSource(record), state: record.state, note: pendingNotes[record.state]! }));
  for (const result of evaluations) {
    if (result.unitId !== unitId || result.year !== year) continue;
    if (result.closedAt === null || result.closedAt.getTime() > now.getTime()) {
      pending.push({ source: { type: 'evaluation', roundId: result.roundId, round: result.kind }, state: 'evaluationOpen', note: `${evaluationRoundLabels[result.kind]}尚未结束，结束后计分` });
    }
  }
  return pending;
}

export function totalsOf(lines: readonly PointLine[]): PointsTotals {
  let earned = 0;
  let deducted = 0;
  let evaluation = 0;
  const byRule: Record<string, number> = {};
  for (const line of lines) {
    if (line.points >= 0) earned += line.points;
    else deducted += line.points;
    if (line.source.type === 'evaluation') evaluation += line.points;
    byRule[line.ruleKey] = round2((byRule[line.ruleKey] ?? 0) + line.points);
  }
  return { earned: round2(earned), deducted: round2(deducted), evaluation: round2(evaluation), total: round2(earned + deducted), byRule, byArea: areaPointsShown(areaShares(lines)) };
}
