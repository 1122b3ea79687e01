import type { ContentArea, RecordKind } from '../records/catalog';
import { recordKinds } from '../records/catalog';
import type { CadenceCalendar, CalendarStatus } from '../points/calendar';
import { calendarStatusLabels } from '../points/calendar';
import { round2 } from '../points/rules';
import { snippet } from '../text/fit';
import { boundsOf, periodLabel } from '../time/periods';

/**
 * The quarterly inspection and bulletin (督办检查与通报, notice 四(三)), drafted from the data:
 * cadence compliance per unit, records chosen as good practice, units to praise and units behind.
 * The office then edits and publishes it. Units appear, never individual people.
 */
export interface UnitQuarterInput {
  readonly unitId: string;
  readonly unitName: string;
  readonly calendar: CadenceCalendar;
  /** Achievements (成果) credited to the unit in the quarter. */
  readonly achievements: number;
}

export interface GoodPracticeCandidate {
  readonly recordId: string;
  readonly unitId: string;
  readonly unitName: string;
  readonly orgName: string;
  readonly kind: RecordKind;
  readonly date: string;
  readonly contentAreas: readonly ContentArea[];
  readonly content: string;
  readonly results: string;
  /** People taking part on both sides. */
  readonly participants: number;
  readonly achievements: number;
}

export interface ComplianceRow {
  readonly unitId: string;
  readonly unitName: string;
  /** The quarter's three months. */
  readonly months: readonly CalendarStatus[];
  readonly quarter: CalendarStatus;
  readonly compliant: boolean;
}

export interface GoodPractice {
  readonly recordId: string;
  readonly unitId: string;
  readonly unitName: string;
  readonly orgName: string;
  readonly date: string;
  readonly kindLabel: string;
  readonly excerpt: string;
}

export interface UnitMention {
  readonly unitId: string;
  readonly unitName: string;
  readonly reason: string;
}

export interface BulletinContent {
  readonly title: string;
  readonly summary: string;
  readonly closing: string;
  readonly compliance: readonly ComplianceRow[];
  readonly goodPractices: readonly GoodPractice[];
  readonly praised: readonly UnitMention[];
  readonly behind: readonly UnitMention[];
  readonly stats: { readonly units: number; readonly compliant: number; readonly monthRate: number | null; readonly quarterRate: number | null };
}

const doneStatuses: ReadonlySet<CalendarStatus> = new Set(['done', 'late']);
const quarterNames = ['一', '二', '三', '四'] as const;
const byName = (a: { unitName: string }, b: { unitName: string }) => a.unitName.localeCompare(b.unitName, 'zh-Hans-CN');

export function bulletinTitle(scopeName: string, year: number, quarter: number): string {
  return `${scopeName}${year}年第${quarterNames[quarter - 1] ?? quarter}季度结对共建督办检查通报`;
}

function complianceOf(unit: UnitQuarterInput, quarter: number): ComplianceRow | undefined {
  const months = unit.calendar.months.slice((quarter - 1) * 3, quarter * 3).map((entry) => entry.status);
  const quarterStatus = unit.calendar.quarters[quarter - 1]?.status ?? 'notRequired';
  const required = [...months, quarterStatus].filter((status) => status !== 'notRequired');
  if (required.length === 0) return undefined;
  return { unitId: unit.unitId, unitName: unit.unitName, months, quarter: quarterStatus, compliant: required.every((status) => doneStatuses.has(status)) };
}

function shortfalls(unit: UnitQuarterInput, quarter: number): string[] {
  const reasons: string[] = [];
  unit.calendar.months.slice((quarter - 1) * 3, quarter * 3).forEach((entry) => {
    if (entry.status === 'missing') reasons.push(`${periodLabel(entry.period).replace(/^\d+年/, '')}未到访`);
  });
  const quarterEntry = unit.calendar.quarters[quarter - 1];
  if (quarterEntry?.status === 'missing') reasons.push('本季度联合活动未开展');
  return reasons;
}

const kindWeight: Partial<Record<RecordKind, number>> = { quarterlyActivity: 2, openDay: 2, annualSummary: 1, otherWork: 1, festivalVisit: 1 };

function practiceScore(candidate: GoodPracticeCandidate): number {
  return candidate.achievements * 3 + candidate.contentAreas.length + Math.min(candidate.participants / 10, 3) + (kindWeight[candidate.kind] ?? 0) + (candidate.results.length >= 60 ? 1 : 0);
}

/** At most five good practices, at most one per unit, chosen for achievements, breadth, participation and substance. */
export function chooseGoodPractices(candidates: readonly GoodPracticeCandidate[], limit = 5): GoodPractice[] {
  const chosen: GoodPractice[] = [];
  const units = new Set<string>();
  const sorted = [...candidates].sort((a, b) => practiceScore(b) - practiceScore(a) || (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) || (a.recordId < b.recordId ? -1 : 1));
  for (const candidate of sorted) {
    if (chosen.length >= limit) break;
    if (units.has(candidate.unitId)) continue;
    units.add(candidate.unitId);
    chosen.push({
      recordId: candidate.recordId,
      unitId: candidate.unitId,
      unitName: candidate.unitName,
      orgName: candidate.orgName,
      date: candidate.date,
      kindLabel: recordKinds[candidate.kind],
      excerpt: excerptOf(candidate),
    });
  }
  return chosen;
}

function excerptOf(candidate: GoodPracticeCandidate): string {
  const text = `${candidate.content}${candidate.content.endsWith('。') ? '' : '。'}${candidate.results}`;
  return snippet(text, 160);
}

export function draftQuarterlyBulletin(input: {
  readonly scopeName: string;
  readonly year: number;
  readonly quarter: number;
  readonly units: readonly UnitQuarterInput[];
  readonly candidates: readonly GoodPracticeCandidate[];
}): BulletinContent {
  const { quarter } = input;
  const rows = input.units.map((unit) => complianceOf(unit, quarter)).filter((row): row is ComplianceRow => row !== undefined).sort(byName);
  const inBulletin = new Set(rows.map((row) => row.unitId));
  const goodPractices = chooseGoodPractices(input.candidates.filter((candidate) => inBulletin.has(candidate.unitId)));
  const withPractice = new Set(goodPractices.map((practice) => practice.unitId));
  const unitsById = new Map(input.units.map((unit) => [unit.unitId, unit]));
  const praised: UnitMention[] = rows
    .filter((row) => row.compliant && [...row.months, row.quarter].every((status) => status === 'done' || status === 'notRequired'))
    .filter((row) => withPractice.has(row.unitId) || (unitsById.get(row.unitId)?.achievements ?? 0) > 0)
    .map((row) => ({
      unitId: row.unitId,
      unitName: row.unitName,
      reason: withPractice.has(row.unitId) ? '按时完成到访和联合活动，工作做法被列为好的做法' : '按时完成到访和联合活动，取得共建成果',
    }));
  const behind: UnitMention[] = rows
    .map((row) => ({ row, reasons: shortfalls(unitsById.get(row.unitId)!, quarter) }))
    .filter(({ reasons }) => reasons.length > 0)
    .map(({ row, reasons }) => ({ unitId: row.unitId, unitName: row.unitName, reason: reasons.join('；') }));

  const months = rows.flatMap((row) => row.months).filter((status) => status !== 'notRequired');
  const quarters = rows.map((row) => row.quarter).filter((status) => status !== 'notRequired');
  const rate = (statuses: readonly CalendarStatus[]) => (statuses.length === 0 ? null : round2(statuses.filter((status) => doneStatuses.has(status)).length / statuses.length));
  const stats = { units: rows.length, compliant: rows.filter((row) => row.compliant).length, monthRate: rate(months), quarterRate: rate(quarters) };
  const percent = (value: number | null) => (value === null ? '—' : `${Math.round(value * 100)}%`);
  const period = periodLabel({ kind: 'quarter', year: input.year, quarter });
  const summary =
    `${period}，对${stats.units}个结对单位落实“一月一到访、一季一活动”情况进行了督办检查：` +
    `${stats.compliant}个单位按要求完成，到访完成率${percent(stats.monthRate)}，联合活动完成率${percent(stats.quarterRate)}。` +
    (praised.length > 0 ? `${praised.length}个单位工作突出，予以表扬。` : '') +
    (behind.length > 0 ? `${behind.length}个单位存在缺项，请抓紧整改。` : '');
  return {
    title: bulletinTitle(input.scopeName, input.year, quarter),
    summary,
    closing: '请各单位对照通报查漏补缺，推广好的做法和经验，认真做好下一季度的结对共建工作。',
    compliance: rows,
    goodPractices,
    praised,
    behind,
    stats,
  };
}

/** A bulletin can be published only once its quarter has ended (China time). */
export function publishProblem(year: number, quarter: number, now: Date): string | undefined {
  const { end } = boundsOf({ kind: 'quarter', year, quarter });
  if (now.getTime() < end.getTime()) return `${periodLabel({ kind: 'quarter', year, quarter })}尚未结束，结束后才能发布通报`;
  return undefined;
}

export interface BulletinEdit {
  readonly title: string;
  readonly summary: string;
  readonly closing: string;
  readonly goodPracticeIds: readonly string[];
  readonly praisedUnitIds: readonly string[];
  readonly behindUnitIds: readonly string[];
}

/** The office's edit of a draft: texts rewritten, lists trimmed to what the data supports (never added to). */
export function editProblems(generated: BulletinContent, edit: BulletinEdit): Array<{ field: string; message: string }> {
  const problems: Array<{ field: string; message: string }> = [];
  const check = (field: string, ids: readonly string[], allowed: readonly string[], what: string) => {
    const set = new Set(allowed);
    const unknown = ids.find((id) => !set.has(id));
    if (unknown !== undefined) problems.push({ field, message: `${what}只能从根据数据生成的名单中选择` });
  };
  check('goodPracticeIds', edit.goodPracticeIds, generated.goodPractices.map((practice) => practice.recordId), '好的做法');
  check('praisedUnitIds', edit.praisedUnitIds, generated.praised.map((unit) => unit.unitId), '表扬的单位');
  check('behindUnitIds', edit.behindUnitIds, generated.behind.map((unit) => unit.unitId), '需整改的单位');
  return problems;
}

/** The bulletin as published: the generated content with the office's edit applied. */
export function applyEdit(generated: BulletinContent, edit: BulletinEdit): BulletinContent {
  const keep = <T>(items: readonly T[], ids: readonly string[], id: (item: T) => string) => items.filter((item) => ids.includes(id(item)));
  return {
    ...generated,
    title: edit.title,
    summary: edit.summary,
    closing: edit.closing,
    goodPractices: keep(generated.goodPractices, edit.goodPracticeIds, (practice) => practice.recordId),
    praised: keep(generated.praised, edit.praisedUnitIds, (unit) => unit.unitId),
    behind: keep(generated.behind, edit.behindUnitIds, (unit) => unit.unitId),
  };
}

/** The edit that leaves a generated draft as it is. */
export function editOf(content: BulletinContent): BulletinEdit {
  return {
    title: content.title,
    summary: content.summary,
    closing: content.closing,
    goodPracticeIds: content.goodPractices.map((practice) => practice.recordId),
    praisedUnitIds: content.praised.map((unit) => unit.unitId),
    behindUnitIds: content.behind.map((unit) => unit.unitId),
  };
}

export { calendarStatusLabels };
