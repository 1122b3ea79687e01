import type { ScopeGrant } from '../../../src/domain/access/scope';
import { choiceIds } from '../../../src/domain/surveys/form';
import { respondentGroupIds } from '../../../src/domain/surveys/groups';
import { evaluationPoints, itemScore } from '../../../src/domain/surveys/points';
import { phaseOf, roundLabel } from '../../../src/domain/surveys/round';
import type { RoundPhase } from '../../../src/domain/surveys/round';
import { itemCountsOf } from '../../../src/domain/surveys/tally';
import { commentsForDisplay } from '../../../src/domain/surveys/comments';
import { commentsVisible, groupVisibility, pointsVisible } from '../../../src/domain/surveys/visibility';
import type { GroupResultView, PairingProgressView, ResultsView, RoundDetailView, RoundSummaryView } from '../../../src/contract/surveys';
import type { SurveyEntryDocument, SurveyRoundDocument } from '../../db/surveyDocuments';
import { canManageRound } from './access';
import type { EntryCounts } from './store';
import { byPairing, countsByGroup } from './store';

export function roundSummary(round: SurveyRoundDocument, now: Date, grants: readonly ScopeGrant[]): RoundSummaryView {
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
    canManage: canManageRound(grants, round),
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
      total: respondentGroupIds.reduce((sum, group) => sum + responses[group], 0),
      points: pointsOf(round, phase, own),
    };
  });
}

export function roundDetail(round: SurveyRoundDocument, now: Date, grants: readonly ScopeGrant[], entries: readonly EntryCounts[], pairingsInScope: number): RoundDetailView {
  const summary = roundSummary(round, now, grants);
  return {
    round: { ...summary, form: round.form, weights: round.weights, threshold: round.threshold, maxPoints: round.maxPoints },
    pairingsInScope,
    pairings: pairingProgress(round, summary.phase, entries).sort((a, b) => a.unitName.localeCompare(b.unitName, 'zh-CN')),
  };
}

/** What anyone allowed to see a pairing's results sees: the visibility rules decide, the caller's role does not. */
export function resultsView(round: SurveyRoundDocument, now: Date, grants: readonly ScopeGrant[], entries: readonly SurveyEntryDocument[]): ResultsView {
  const summary = roundSummary(round, now, grants);
  const phase = summary.phase;
  const responses = countsByGroup(entries);
  const total = respondentGroupIds.reduce((sum, group) => sum + responses[group], 0);
  const groups = respondentGroupIds.map((group): GroupResultView => {
    const entry = entries.find((candidate) => candidate.group === group);
    const visibility = groupVisibility(group, responses[group], phase, round.threshold);
    const base = { group, responses: responses[group], weight: round.weights[group] };
    if (!visibility.shown || !entry) return { ...base, shown: false, hiddenReason: visibility.shown ? 'noResponses' : visibility.reason };
    return {
      ...base,
      shown: true,
      items: round.form.items.map((item) => {
        const counts = itemCountsOf(entry.counts, item.id);
        const score = itemScore(counts);
        return { id: item.id, title: item.title, counts: Object.fromEntries(choiceIds.map((choice) => [choice, counts[choice]])) as typeof counts, score: score === null ? null : Math.round(score * 100) };
      }),
    };
  });
  const first = entries[0];
  const points = pointsVisible(phase) ? { value: evaluationPoints(round.form, entries, round.weights, round.maxPoints).points, maxPoints: round.maxPoints, weights: round.weights } : null;
  return {
    round: summary,
    pairingId: first?.pairingId ?? '',
    unitName: first?.unitName ?? '',
    orgName: first?.orgName ?? '',
    threshold: round.threshold,
    total,
    groups,
    points,
    comments: commentsVisible(total, phase, round.threshold) ? commentsForDisplay(entries.flatMap((entry) => entry.comments)) : null,
  };
}
