import { Collection } from '../db/collection';
import type { SurveyBallotDocument } from '../db/surveyDocuments';
import type { CloudDatabase } from '../runtime/cloud';

/**
 * The once-only keys of the evaluation surveys (`surveyBallots`). A key document is its keyed hash as
 * `_id` with the round and pairing it belongs to, and nothing else — no answer, no time, no group —
 * so it cannot be lined up with the tallies (README 评议 → 匿名设计).
 */
export function surveyBallotsRepository(db: CloudDatabase) {
  const ballots = new Collection<SurveyBallotDocument>(db, 'surveyBallots');
  return {
    /** Inserts one key; a key used before fails as a duplicate `_id` (`isDuplicateKey`). */
    async claim(key: string, place: Pick<SurveyBallotDocument, 'roundId' | 'pairingId'>): Promise<void> {
      const ballot: SurveyBallotDocument = { _id: key, roundId: place.roundId, pairingId: place.pairingId };
      await ballots.insert(ballot);
    },

    /** Gives keys back (an answer refused after its keys were claimed leaves nothing behind). */
    async release(keys: readonly string[]): Promise<void> {
      if (keys.length === 0) return;
      await ballots.removeWhere({ _id: db.command.in([...keys]) });
    },
  };
}

/** The database's answer to inserting a key that exists. */
export function isDuplicateKey(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String((error as { errMsg?: unknown })?.errMsg ?? error);
  return /E11000|duplicate key/i.test(message);
}
