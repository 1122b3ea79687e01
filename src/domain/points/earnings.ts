import type { ContentArea, RecordKind } from '../records/catalog';
import { recordKinds } from '../records/catalog';
import { roundDate } from '../surveys/roundDate';
import { periodLabel } from '../time/periods';
import type { CalendarEntry } from './calendar';
import type { AchievementTag, EvaluationResult, PointsRecord } from './inputs';
import type { EvaluationRound, PointRule } from './rules';
import { evaluationRoundLabels, round2 } from './rules';

/**
 * What earns points in a unit's year, before caps: the record counted for each period of the calendar
 * (and the period's other records, for nothing), each confirmed per-record item, each achievement
 * tag and each closed evaluation round — and what each gives under a rule, and why.
 */

/** Where a line's points come from. */
export type LineSource =
  | { readonly type: 'record'; readonly recordId: string; readonly kind: RecordKind; readonly date: string; readonly pairingId: string }
  | { readonly type: 'period'; readonly periodKey: string; readonly periodLabel: string }
  | { readonly type: 'evaluation'; readonly roundId: string; readonly round: EvaluationRound };

const periodTexts = new Map<string, string>();
/** `2026年3月`, computed once per period. */
export function periodText(entry: CalendarEntry): string {
  let text = periodTexts.get(entry.key);
  if (text === undefined) {
    text = periodLabel(entry.period);
    periodTexts.set(entry.key, text);
  }
  return text;
}

/** Something that earns under a rule: plain data (a district makes tens of thousands; no closures). */
export interface Earning {
  readonly ruleKey: string;
  readonly fallbackLabel: string;
  readonly source: LineSource;
  readonly date: string;
  readonly order: number;
  /** The date as YYYYMMDD times 4, plus `order`, or -1 when the date is not `YYYY-MM-DD` (see sortEarnings). */
  readonly rank: number;
  readonly id: string;
  readonly contentAreas: readonly ContentArea[];
  readonly how: 'period' | 'latePeriod' | 'repeat' | 'record' | 'achievement' | 'evaluation';
  /** period, latePeriod: the period's label. */
  readonly periodText?: string;
  /** evaluation: the round's result. */
  readonly result?: number;
}

/** The area an achievement rule rewards, when the earning's record concerns it. */
function achievedArea(earning: Earning, rule: PointRule): ContentArea | undefined {
  const area = rule.target.type === 'achievement' ? rule.target.contentArea : undefined;
  return area !== undefined && earning.contentAreas.includes(area) ? area : undefined;
}

/** The raw points of an earning under the rule of the version in force. */
export function rawOf(earning: Earning, rule: PointRule): number {
  switch (earning.how) {
    case 'period':
    case 'record':
      return rule.points;
    case 'latePeriod':
      return rule.latePoints ?? rule.points;
    case 'repeat':
      return 0;
    case 'achievement':
      return achievedArea(earning, rule) === undefined ? 0 : rule.points;
    case 'evaluation':
      return Math.min(rule.points, round2(Math.max(0, earning.result ?? 0)));
  }
}

/** The content areas an earning's points go to. */
export function areasOf(earning: Earning, rule: PointRule): readonly ContentArea[] {
  switch (earning.how) {
    case 'achievement': {
      const area = achievedArea(earning, rule);
      return area === undefined ? [] : [area];
    }
    case 'evaluation':
      return [];
    default:
      return earning.contentAreas;
  }
}

/** Why an earning gives what it gives, in Chinese (only built when the breakdown is explained). */
export function noteOf(earning: Earning, rule: PointRule): string {
  switch (earning.how) {
    case 'period':
      return `${earning.periodText}已完成`;
    case 'latePeriod':
      return `${earning.periodText}已完成，但记录在周期结束后逾期补记，按迟报分值计`;
    case 'repeat':
      return '同一周期已有记录计分，每期只计一次';
    case 'record':
      return `已确认的${recordKinds[(earning.source as { kind: RecordKind }).kind]}记录`;
    case 'achievement': {
      const area = rule.target.type === 'achievement' ? rule.target.contentArea : undefined;
      return area === undefined || !earning.contentAreas.includes(area) ? '记录未涉及该成果所属的共建内容，不计分' : '以已确认的记录为据';
    }
    case 'evaluation': {
      const points = Math.max(0, earning.result ?? 0);
      return points > rule.points ? `评议结果 ${round2(points)} 分，超过每轮最高 ${rule.points} 分，按最高分计` : `评议结果 ${round2(points)} 分（每轮最高 ${rule.points} 分）`;
    }
  }
}

const periodicKinds: ReadonlySet<RecordKind> = new Set(['monthlyVisit', 'quarterlyActivity', 'annualSummary']);

export const recordSource = (record: PointsRecord): LineSource => ({ type: 'record', recordId: record.id, kind: record.kind, date: record.date, pairingId: record.pairingId });

function earningOf(record: PointsRecord, ruleKey: string, order: number, how: Earning['how'], id = record.id, periodText?: string): Earning {
  return { ruleKey, fallbackLabel: recordKinds[record.kind], source: recordSource(record), date: record.date, order, rank: rankOf(record.date, order), id, contentAreas: record.contentAreas, how, periodText };
}

export function periodicEarnings(entries: readonly CalendarEntry[], confirmed: readonly PointsRecord[], into: Earning[]): void {
  // The record each counted period names: the last confirmed record with its id. Only the (at most
  // 17) ids named are looked for, rather than a map of all the unit's confirmed records.
  const named = new Map<string, PointsRecord | undefined>();
  for (const entry of entries) if ((entry.status === 'done' || entry.status === 'late') && entry.recordId !== undefined) named.set(entry.recordId, undefined);
  if (named.size > 0) for (const record of confirmed) if (named.has(record.id)) named.set(record.id, record);
  for (const entry of entries) {
    if (entry.status !== 'done' && entry.status !== 'late') continue;
    const record = entry.recordId !== undefined ? named.get(entry.recordId) : undefined;
    if (!record) continue;
    into.push(earningOf(record, entry.item, 0, entry.status === 'late' ? 'latePeriod' : 'period', record.id, periodText(entry)));
  }
  // The period's other records earn nothing (every id found above was counted).
  for (const record of confirmed) {
    if (periodicKinds.has(record.kind) && named.get(record.id) === undefined) into.push(earningOf(record, record.kind, 0, 'repeat'));
  }
}

export function perRecordEarnings(confirmed: readonly PointsRecord[], into: Earning[]): void {
  for (const record of confirmed) if (!periodicKinds.has(record.kind)) into.push(earningOf(record, record.kind, 1, 'record'));
}

export function achievementEarnings(confirmed: readonly PointsRecord[], tags: readonly AchievementTag[], into: Earning[]): void {
  if (tags.length === 0) return;
  const byId = new Map<string, PointsRecord>();
  for (const record of confirmed) byId.set(record.id, record);
  const seen = new Set<string>();
  for (const tag of tags) {
    const record = byId.get(tag.recordId);
    const key = `achievement.${tag.achievement}`;
    if (!record || seen.has(`${record.id}|${key}`)) continue;
    seen.add(`${record.id}|${key}`);
    into.push({ ...earningOf(record, key, 2, 'achievement', `${record.id}|${key}`), fallbackLabel: `成果：${tag.achievement}` });
  }
}

export function evaluationEarnings(results: readonly EvaluationResult[], unitId: string, year: number, now: Date, into: Earning[]): void {
  for (const result of results) {
    if (result.unitId !== unitId || result.year !== year || result.closedAt === null || result.closedAt.getTime() > now.getTime()) continue;
    const date = roundDate(result.closedAt);
    into.push({
      ruleKey: `evaluation.${result.kind}`,
      fallbackLabel: evaluationRoundLabels[result.kind],
      source: { type: 'evaluation', roundId: result.roundId, round: result.kind },
      date,
      order: 3,
      rank: rankOf(date, 3),
      id: result.roundId,
      contentAreas: [],
      how: 'evaluation',
      result: result.points,
    });
  }
}

/** `YYYY-MM-DD` as the number YYYYMMDD times 4 plus `order` (0–3), or -1 for any other text. */
function rankOf(date: string, order: number): number {
  if (date.length !== 10 || date.charCodeAt(4) !== 45 || date.charCodeAt(7) !== 45) return -1;
  let day = 0;
  for (let at = 0; at < 10; at += 1) {
    if (at === 4 || at === 7) continue;
    const digit = date.charCodeAt(at) - 48;
    if (!(digit >= 0 && digit <= 9)) return -1;
    day = day * 10 + digit;
  }
  return day * 4 + order;
}

/** Earnings in the order they count: by date, then periodic items, records, achievements and evaluations, then by id. */
const countingOrder = (a: Earning, b: Earning) => (a.date !== b.date ? (a.date < b.date ? -1 : 1) : a.order !== b.order ? a.order - b.order : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The same order when every date reads `YYYY-MM-DD`: such texts order as their digits do, so by rank. */
const rankOrder = (a: Earning, b: Earning) => a.rank - b.rank || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Sorts earnings in place into the order they count, comparing numbers rather than date texts when it can. */
export function sortEarnings(earnings: Earning[]): void {
  earnings.sort(earnings.every((earning) => earning.rank >= 0) ? rankOrder : countingOrder);
}
