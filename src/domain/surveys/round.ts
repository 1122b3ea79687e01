import { chinaDateString, inChina, parseChinaDate } from '../time/chinaTime';

/**
 * An evaluation round (评议): mid-year or year-end, for a year, over the pairings of a scope.
 * Lifecycle: draft (the form may be edited) → open (form frozen, answers accepted) → closed
 * (at its end time, or earlier when an office ends it). Late answers are refused.
 */
export const surveyPeriods = { midYear: '年中评议', yearEnd: '年终评议' } as const;
export type SurveyPeriod = keyof typeof surveyPeriods;
export const surveyPeriodIds = ['midYear', 'yearEnd'] as const satisfies readonly SurveyPeriod[];

export type RoundState = 'draft' | 'open' | 'closed';
export type RoundPhase = RoundState;

export const roundPhaseLabels: Record<RoundPhase, string> = { draft: '草稿（未发布）', open: '进行中', closed: '已结束' };

export function roundLabel(year: number, period: SurveyPeriod): string {
  return `${year}年${surveyPeriods[period]}`;
}

/** Where a round is in its life at `now`: an open round whose end time has passed is closed. */
export function phaseOf(round: { readonly state: RoundState; readonly endsAt: Date | string }, now: Date): RoundPhase {
  if (round.state !== 'open') return round.state;
  return now.getTime() >= new Date(round.endsAt).getTime() ? 'closed' : 'open';
}

/** A round closes at 24:00 China time of its end date. */
export function endsAtOf(endDate: string): Date | undefined {
  const start = parseChinaDate(endDate);
  return start === undefined ? undefined : new Date(start.getTime() + 86_400_000);
}

/** `7月15日 24:00` for people. */
export function endLabel(endDate: string): string {
  const match = /^\d{4}-(\d{2})-(\d{2})$/.exec(endDate);
  return match ? `${Number(match[1])}月${Number(match[2])}日 24:00` : endDate;
}

export const MAX_ROUND_DAYS = 120;

/** Why an end date cannot be used at `now` (Chinese), or undefined when it can. */
export function endDateProblem(endDate: string, now: Date): string | undefined {
  const endsAt = endsAtOf(endDate);
  if (endsAt === undefined) return '截止日期格式应为 YYYY-MM-DD';
  if (endDate < chinaDateString(now)) return '截止日期不能早于今天';
  if (endsAt.getTime() - now.getTime() > MAX_ROUND_DAYS * 86_400_000) return `评议时间不能超过 ${MAX_ROUND_DAYS} 天`;
  return undefined;
}

export interface SuggestedRound {
  readonly year: number;
  readonly period: SurveyPeriod;
  readonly endDate: string;
}

/** What an office is offered when it starts a round at `now`: mid-year from April to September, else year-end. */
export function suggestedRound(now: Date): SuggestedRound {
  const china = inChina(now);
  const month = china.month() + 1;
  const period: SurveyPeriod = month >= 4 && month <= 9 ? 'midYear' : 'yearEnd';
  const year = period === 'yearEnd' && month <= 3 ? china.year() - 1 : china.year();
  return { year, period, endDate: chinaDateString(china.add(14, 'day').valueOf()) };
}

/** The pairings a round covers: the whole district, or those touching one street (the org's or the unit's). */
export type RoundScope = { readonly type: 'district' } | { readonly type: 'street'; readonly streetId: string };

export function pairingInScope(scope: RoundScope, pairing: { readonly streetId: string; readonly unitStreetId: string }): boolean {
  return scope.type === 'district' || pairing.streetId === scope.streetId || pairing.unitStreetId === scope.streetId;
}

/** A pairing is evaluated once per year and period: a later round leaves out pairings an earlier one covers. */
export function pairingsToCover(inScope: readonly string[], coveredElsewhere: ReadonlySet<string>): string[] {
  return inScope.filter((pairingId) => !coveredElsewhere.has(pairingId));
}

/** A pairing takes part when it is in force on the day (a partner changed mid-year ends one pairing and starts another). */
export function pairingActiveOn(pairing: { readonly startDate: string; readonly endDate: string | null }, day: string): boolean {
  return pairing.startDate <= day && (pairing.endDate === null || pairing.endDate >= day);
}
