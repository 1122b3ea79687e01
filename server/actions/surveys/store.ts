import type { RespondentGroup } from '../../../src/domain/surveys/groups';
import { respondentGroupIds } from '../../../src/domain/surveys/groups';
import type { GroupCounts } from '../../../src/contract/surveys';
import type { SurveyEntryDocument, SurveyRoundDocument } from '../../db/surveyDocuments';
import { findAll, getById } from '../../db/ops';
import { findEvery } from '../../db/paginate';
import type { CloudDatabase } from '../../runtime/cloud';
import { fail } from '../../runtime/failure';

/** An entry without its comments and its copy of the form: what lists and overviews need. */
export type EntryCounts = Omit<SurveyEntryDocument, 'comments' | 'form'>;

export async function roundOrFail(db: CloudDatabase, roundId: string): Promise<SurveyRoundDocument> {
  const round = await getById<SurveyRoundDocument>(db.collection('surveyRounds'), roundId);
  if (!round) fail('NOT_FOUND', `survey round ${roundId} not found`, { field: 'roundId', userMessage: '找不到这次评议' });
  return round;
}

/** Every entry of a round, without comments or form (a district: a few hundred documents). */
export function entriesOfRound(db: CloudDatabase, roundId: string): Promise<EntryCounts[]> {
  return findEvery<EntryCounts>(db.collection('surveyEntries').where({ roundId }).field({ comments: false, form: false }));
}

/** The three entries (groups) of one pairing in a round, with their comments. */
export function entriesOfPairing(db: CloudDatabase, roundId: string, pairingId: string): Promise<SurveyEntryDocument[]> {
  return findAll<SurveyEntryDocument>(db.collection('surveyEntries').where({ roundId, pairingId }).limit(respondentGroupIds.length));
}

export function countsByGroup(entries: ReadonlyArray<Pick<SurveyEntryDocument, 'group' | 'responses'>>): GroupCounts {
  const counts = Object.fromEntries(respondentGroupIds.map((group) => [group, 0])) as Record<RespondentGroup, number>;
  for (const entry of entries) counts[entry.group] += entry.responses;
  return counts;
}

/** Entries grouped by pairing, in the order of first appearance. */
export function byPairing<E extends Pick<SurveyEntryDocument, 'pairingId'>>(entries: readonly E[]): Map<string, E[]> {
  const groups = new Map<string, E[]>();
  for (const entry of entries) groups.set(entry.pairingId, [...(groups.get(entry.pairingId) ?? []), entry]);
  return groups;
}
