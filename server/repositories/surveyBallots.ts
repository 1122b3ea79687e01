import { Collection } from '../db/collection';
import type { SurveyBallotDocument } from '../db/surveyDocuments';
import type { Tx } from '../db/transaction';
import type { CloudDatabase } from '../runtime/cloud';

/**
 * A once-only key as stored: its keyed hash as `_id`, the round and pairing it belongs to, and, when
 * the client named its submission, the submission's receipt (a keyed hash of key and submission
 * token: the same submission sent again is recognised). No answer, no time, no group.
 */
export type StoredBallot = SurveyBallotDocument & { readonly receipt?: string };

/**
 * The once-only keys of the evaluation surveys (`surveyBallots`). Keys are written only inside the
 * answer's transaction, together with the tally they count in (README 评议 → 匿名设计).
 */
export function surveyBallotsRepository(db: CloudDatabase) {
  const ballots = new Collection<StoredBallot>(db, 'surveyBallots');
  return {
    /** The receipts kept with these keys: a key absent from the map was never used; null when used without a receipt. */
    async receiptsOf(keys: readonly string[]): Promise<Map<string, string | null>> {
      if (keys.length === 0) return new Map();
      const found = await ballots.find<Pick<StoredBallot, '_id' | 'receipt'>>({ _id: db.command.in([...keys]) }, { fields: { _id: true, receipt: true }, limit: keys.length });
      return new Map(found.map((ballot) => [ballot._id, ballot.receipt ?? null]));
    },

    inTx: (tx: Tx) => ({
      /** Inserts one key in the transaction; a key used before makes it fail as a duplicate `_id` (`isDuplicateKey`). */
      async claim(key: string, place: Pick<SurveyBallotDocument, 'roundId' | 'pairingId'>, receipt: string | undefined): Promise<void> {
        const ballot: StoredBallot = { _id: key, roundId: place.roundId, pairingId: place.pairingId, ...(receipt !== undefined ? { receipt } : {}) };
        await tx.collection('surveyBallots').add({ data: ballot });
      },
    }),
  };
}

export { isDuplicateKey, isTransactionConflict } from '../db/transaction';
