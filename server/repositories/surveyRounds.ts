import type { SurveyForm } from '../../src/domain/surveys/form';
import type { GroupWeights } from '../../src/domain/surveys/points';
import type { SurveyPeriod } from '../../src/domain/surveys/round';
import { Collection } from '../db/collection';
import type { SurveyRoundDocument } from '../db/surveyDocuments';
import type { CloudDatabase } from '../runtime/cloud';

/** What an edit of a draft changes (absent: unchanged). */
export interface DraftChanges {
  readonly form?: SurveyForm;
  readonly weights?: GroupWeights;
  readonly threshold?: number;
  readonly endDate?: string;
  readonly endsAt?: Date;
}

/** The most rounds an office's list shows (newest first). */
const LIST_MAX = 200;

/**
 * The evaluation rounds (`surveyRounds`). Changes of state are conditional updates on the state the
 * caller saw (and, for drafts, the form version), so two offices acting at once act once.
 *
 * `within` is a condition from the access policy (`accessWhere`), `{}` for every round.
 */
export function surveyRoundsRepository(db: CloudDatabase) {
  const rounds = new Collection<SurveyRoundDocument>(db, 'surveyRounds');
  const _ = db.command;
  const draftAt = (roundId: string, formVersion: number) => ({ _id: roundId, state: 'draft', 'form.version': formVersion });

  return {
    byId(roundId: string): Promise<SurveyRoundDocument | undefined> {
      return rounds.byId(roundId);
    },

    /** The newest rounds among those `within`. */
    newest(within: object): Promise<SurveyRoundDocument[]> {
      return rounds.find(within, { orderBy: [['createdAt', 'desc']], limit: LIST_MAX });
    },

    byIds(roundIds: readonly string[]): Promise<SurveyRoundDocument[]> {
      return rounds.find({ _id: _.in([...roundIds]) }, { limit: 100 });
    },

    /** The pairings already sent the questionnaire of a year and period (by open and closed rounds). */
    sentOfPeriod(year: number, period: SurveyPeriod): Promise<Array<Pick<SurveyRoundDocument, '_id' | 'pairingIds'>>> {
      return rounds.find({ year, period, state: _.in(['open', 'closed']) }, { fields: { _id: 1, pairingIds: 1 }, limit: 1000 });
    },

    async insert(round: SurveyRoundDocument): Promise<void> {
      await rounds.insert(round);
    },

    /** Applies an edit to the draft as it was at `formVersion`; false when it changed or opened meanwhile. */
    async reviseDraft(roundId: string, formVersion: number, changes: DraftChanges, now: Date): Promise<boolean> {
      const data: Record<string, unknown> = { updatedAt: now };
      if (changes.form) data.form = _.set(changes.form);
      if (changes.weights) data.weights = _.set(changes.weights);
      if (changes.threshold !== undefined) data.threshold = changes.threshold;
      if (changes.endDate !== undefined) data.endDate = changes.endDate;
      if (changes.endsAt !== undefined) data.endsAt = changes.endsAt;
      return (await rounds.updateWhere(draftAt(roundId, formVersion), data)) !== 0;
    },

    /** Opens the draft as it was at `formVersion` for these pairings; false when it changed or opened meanwhile. */
    async open(roundId: string, formVersion: number, pairingIds: readonly string[], now: Date): Promise<boolean> {
      const changed = await rounds.updateWhere(draftAt(roundId, formVersion), { state: 'open', openedAt: now, updatedAt: now, pairingIds: _.set([...pairingIds]) });
      return changed !== 0;
    },

    /** Ends an open round (closing it again changes nothing). */
    async closeIfOpen(roundId: string, now: Date): Promise<void> {
      await rounds.updateWhere({ _id: roundId, state: 'open' }, { state: 'closed', closedAt: now, updatedAt: now });
    },
  };
}
