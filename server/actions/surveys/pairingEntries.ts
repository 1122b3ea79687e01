import type { RespondentGroup } from '../../../src/domain/surveys/groups';
import { respondentGroupIds } from '../../../src/domain/surveys/groups';
import type { GroupCounts } from '../../../src/contract/surveys';
import type { SurveyEntryDocument } from '../../db/surveyDocuments';

/** How many answered in each group of a pairing (its entries in one round). */
export function countsByGroup(entries: ReadonlyArray<Pick<SurveyEntryDocument, 'group' | 'responses'>>): GroupCounts {
  const counts = Object.fromEntries(respondentGroupIds.map((group) => [group, 0])) as Record<RespondentGroup, number>;
  for (const entry of entries) counts[entry.group] += entry.responses;
  return counts;
}

export function totalOf(counts: GroupCounts): number {
  return respondentGroupIds.reduce((sum, group) => sum + counts[group], 0);
}

/** Entries grouped by pairing, in the order of first appearance. */
export function byPairing<E extends Pick<SurveyEntryDocument, 'pairingId'>>(entries: readonly E[]): Map<string, E[]> {
  const groups = new Map<string, E[]>();
  for (const entry of entries) groups.set(entry.pairingId, [...(groups.get(entry.pairingId) ?? []), entry]);
  return groups;
}
