import { choiceIds } from '../../../src/domain/surveys/form';
import { respondentGroupIds } from '../../../src/domain/surveys/groups';
import { evaluationPoints, itemScore } from '../../../src/domain/surveys/points';
import { itemCountsOf } from '../../../src/domain/surveys/tally';
import { commentsForDisplay } from '../../../src/domain/surveys/comments';
import { commentsVisible, groupVisibility, pointsVisible } from '../../../src/domain/surveys/visibility';
import type { GroupResultView, ResultsView } from '../../../src/contract/surveys';
import type { SurveyEntryDocument, SurveyRoundDocument } from '../../db/surveyDocuments';
import type { Caller } from '../../runtime/context';
import { countsByGroup, totalOf } from './pairingEntries';
import { roundSummary } from './roundProgress';

/**
 * A pairing's results in a round, for anyone allowed to see them: the visibility rules
 * (src/domain/surveys/visibility.ts) decide what shows, the caller's role does not.
 */
export function resultsView(round: SurveyRoundDocument, now: Date, caller: Pick<Caller, 'grants'>, entries: readonly SurveyEntryDocument[]): ResultsView {
  const summary = roundSummary(round, now, caller);
  const phase = summary.phase;
  const responses = countsByGroup(entries);
  const total = totalOf(responses);
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
