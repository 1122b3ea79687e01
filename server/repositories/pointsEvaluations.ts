import { Collection } from '../db/collection';
import type { SurveyEntryDocument, SurveyRoundDocument } from '../db/surveyDocuments';
import type { CloudDatabase } from '../runtime/cloud';

/** A pairing's tallies in a round for one respondent group: counts only, never comments or identities. */
export type EntryTally = Pick<SurveyEntryDocument, 'roundId' | 'pairingId' | 'unitId' | 'group' | 'responses' | 'counts'>;

/**
 * What the points read of the evaluation surveys (评议): the year's rounds and a closed round's
 * tallies. Read only by server/services/points/evaluationSource.ts, the one adapter between the two.
 */
export function pointsEvaluationsRepository(db: CloudDatabase) {
  const rounds = new Collection<SurveyRoundDocument>(db, 'surveyRounds');
  const entries = new Collection<SurveyEntryDocument>(db, 'surveyEntries');
  return {
    /** The year's rounds but drafts (one request). */
    roundsOfYear(year: number): Promise<SurveyRoundDocument[]> {
      return rounds.find({ year, state: db.command.neq('draft') }, { limit: 100 });
    },
    tallies(roundId: string): Promise<EntryTally[]> {
      return entries.aggregateEvery<EntryTally>({ roundId }, { roundId: 1, pairingId: 1, unitId: 1, group: 1, responses: 1, counts: 1 });
    },
  };
}
