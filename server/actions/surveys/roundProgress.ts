import { policy } from '../../../src/domain/access/policy';
import { evaluationPoints } from '../../../src/domain/surveys/points';
import { phaseOf, roundLabel } from '../../../src/domain/surveys/round';
import type { RoundPhase } from '../../../src/domain/surveys/round';
import { pointsVisible } from '../../../src/domain/surveys/visibility';
import { chinaDateString } from '../../../src/domain/time/chinaTime';
import type { PairingProgressView, RoundDetailView, RoundSummaryView } from '../../../src/contract/surveys';
import type { SurveyRoundDocument } from '../../db/surveyDocuments';
import type { EntryCounts } from '../../repositories/surveyEntries';
import { surveyEntriesRepository } from '../../repositories/surveyEntries';
import { accessWhere, allows } from '../../runtime/access';
import type { CloudDatabase } from '../../runtime/cloud';
import { pageOf } from '../../runtime/paging';
import type { Caller } from '../../runtime/context';
import { pairingsToSend } from './coverage';
import { byPairing, countsByGroup, totalOf } from './pairingEntries';

/** A round as every list shows it, with whether the caller may manage it (policy.survey.manageRound). */
export function roundSummary(round: SurveyRoundDocument, now: Date, caller: Pick<Caller, 'grants'>): RoundSummaryView {
  return {
    id: round._id,
    year: round.year,
    period: round.period,
    label: roundLabel(round.year, round.period),
    scopeType: round.scope.type,
    scopeName: round.scopeName,
    phase: phaseOf(round, now),
    endDate: round.endDate,
    endsAt: new Date(round.endsAt).toISOString(),
    pairingCount: round.pairingIds.length,
    canManage: allows(caller, policy.survey.manageRound, round),
  };
}

/** Points of one pairing once its round has closed (null before, and when nobody answered). */
export function pointsOf(round: SurveyRoundDocument, phase: RoundPhase, entries: readonly EntryCounts[]): number | null {
  if (!pointsVisible(phase)) return null;
  return evaluationPoints(round.form, entries, round.weights, round.maxPoints).points;
}

export function pairingProgress(round: SurveyRoundDocument, phase: RoundPhase, entries: readonly EntryCounts[]): PairingProgressView[] {
  return [...byPairing(entries).values()].map((own) => {
    const responses = countsByGroup(own);
    return {
      pairingId: own[0]!.pairingId,
      unitName: own[0]!.unitName,
      orgName: own[0]!.orgName,
      responses,
      total: totalOf(responses),
      points: pointsOf(round, phase, own),
    };
  });
}

/** Which page of a round's pairings to answer (the first when not asked). */
export interface ProgressPage {
  readonly offset?: number | undefined;
  readonly limit?: number | undefined;
}

export function roundDetail(round: SurveyRoundDocument, now: Date, caller: Pick<Caller, 'grants'>, entries: readonly EntryCounts[], pairingsInScope: number, asked: ProgressPage = {}): RoundDetailView {
  const summary = roundSummary(round, now, caller);
  const progress = pairingProgress(round, summary.phase, entries).sort((a, b) => a.unitName.localeCompare(b.unitName, 'zh-CN') || a.pairingId.localeCompare(b.pairingId));
  const { rows, page } = pageOf(progress, asked);
  return {
    round: { ...summary, form: round.form, weights: round.weights, threshold: round.threshold, maxPoints: round.maxPoints },
    pairingsInScope,
    pairings: rows,
    page,
    responses: progress.reduce((sum, pairing) => sum + pairing.total, 0),
  };
}

/**
 * The office's view of a round: a draft shows how many pairings it would reach, an open or closed
 * round the progress of the pairings whose results the caller may see (policy.survey.results), one
 * page of them (a district round has a thousand), with the answers counted over all. `known`: the
 * round's entries when the caller has them already (an open that has just written them).
 */
export async function detailFor(db: CloudDatabase, caller: Caller, round: SurveyRoundDocument, now: Date, page: ProgressPage = {}, known?: readonly EntryCounts[]): Promise<RoundDetailView> {
  if (round.state === 'draft') {
    const pairings = await pairingsToSend(db, round, chinaDateString(now));
    return roundDetail(round, now, caller, [], pairings.length, page);
  }
  const entries = known ? known.filter((entry) => allows(caller, policy.survey.results, entry)) : await entriesVisible(db, caller, round);
  return roundDetail(round, now, caller, entries, new Set(entries.map((entry) => entry.pairingId)).size, page);
}

/** The round's entries whose results the caller may see (policy.survey.results), read in one request. */
async function entriesVisible(db: CloudDatabase, caller: Caller, round: SurveyRoundDocument): Promise<EntryCounts[]> {
  const within = accessWhere(db, caller, policy.survey.results);
  return within === null ? [] : surveyEntriesRepository(db).ofRound(round._id, within);
}
