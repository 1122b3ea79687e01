import type { Choice } from '../../src/domain/surveys/form';
import { respondentGroupIds } from '../../src/domain/surveys/groups';
import { tallyIncrements } from '../../src/domain/surveys/tally';
import { Collection } from '../db/collection';
import { DATABASE_CONNECTIONS } from '../db/parallel';
import type { SurveyEntryDocument } from '../db/surveyDocuments';
import type { Tx } from '../db/transaction';
import type { CloudDatabase } from '../runtime/cloud';

/** An entry without its comments and its copy of the form: what lists and overviews need. */
export type EntryCounts = Omit<SurveyEntryDocument, 'comments' | 'form'>;
/** An entry without its tally: what a respondent opening the link needs. */
export type EntryWithoutTally = Omit<SurveyEntryDocument, 'comments' | 'counts'>;

type Roster = SurveyEntryDocument['rosters'][number];

const withoutCommentsOrForm = { comments: false, form: false } as const;
const withoutTally = { comments: false, counts: false } as const;
/** The fields of `EntryCounts`, for an aggregation (which projects by inclusion). */
const countsFields: Record<keyof EntryCounts, 1> = {
  _id: 1,
  roundId: 1,
  year: 1,
  roundLabel: 1,
  pairingId: 1,
  unitId: 1,
  orgId: 1,
  unitName: 1,
  orgName: 1,
  streetId: 1,
  unitStreetId: 1,
  group: 1,
  endDate: 1,
  endsAt: 1,
  state: 1,
  codesIssued: 1,
  codesRequired: 1,
  rosters: 1,
  responses: 1,
  counts: 1,
};

/**
 * The entries of the evaluation surveys (`surveyEntries`): one per group of a pairing in a round, its
 * `_id` the link's token, holding the group's tally. Tallies carry no identity, no time and no
 * per-answer record; nothing here adds one, orders entries or reads the once-only keys.
 *
 * `within` is a condition from the access policy (`accessWhere`), `{}` for every entry.
 */
export function surveyEntriesRepository(db: CloudDatabase) {
  const entries = new Collection<SurveyEntryDocument>(db, 'surveyEntries');
  const _ = db.command;
  const both = (within: object, own: object): object => (isEveryDocument(within) ? own : _.and([within, own]));

  return {
    /** Every entry of a round among those `within`, without comments or form (one request up to 10,000). */
    ofRound(roundId: string, within: object = {}): Promise<EntryCounts[]> {
      return entries.aggregateEvery<EntryCounts>(both(within, { roundId }), countsFields);
    },

    /** Every entry of a round among those `within`, whole (tallies and comments: the export). */
    withTalliesOfRound(roundId: string, within: object = {}): Promise<SurveyEntryDocument[]> {
      return entries.findEvery(both(within, { roundId }));
    },

    /** The three entries (groups) of one pairing in a round, with their comments. */
    ofPairing(roundId: string, pairingId: string): Promise<SurveyEntryDocument[]> {
      return entries.find({ roundId, pairingId }, { limit: respondentGroupIds.length });
    },

    /** Entries of these years evaluating these units, or of these orgs, without comments or form. */
    ofYears(of: { readonly unitIds: readonly string[] } | { readonly orgIds: readonly string[] }, years: readonly number[]): Promise<EntryCounts[]> {
      const side = 'unitIds' in of ? { unitId: _.in([...of.unitIds]) } : { orgId: _.in([...of.orgIds]) };
      return entries.find<EntryCounts>({ ...side, year: _.in([...years]) }, { fields: withoutCommentsOrForm, limit: 1000 });
    },

    /** The entry a link names, without its tally (one request; undefined when the token names none). */
    withoutTally(token: string): Promise<EntryWithoutTally | undefined> {
      return entries.first<EntryWithoutTally>({ _id: token }, { fields: withoutTally });
    },

    /**
     * Whether the entry takes answers now, read outside a transaction: read after an answer's
     * transaction started, it shows every change the transaction's own write of the entry would not
     * conflict with (anything later makes that write fail and the answer is tried again).
     */
    takingAnswers(entryId: string): Promise<Pick<SurveyEntryDocument, 'state' | 'endsAt' | 'codesRequired'> | undefined> {
      return entries.first<Pick<SurveyEntryDocument, 'state' | 'endsAt' | 'codesRequired'>>({ _id: entryId }, { fields: { state: true, endsAt: true, codesRequired: true } });
    },

    /**
     * Inserts entries in batches of at most 512 KB (Collection.insertMany), up to ten at once: half the
     * connections, as the opening round sends nothing else meanwhile.
     */
    insertAll(documents: readonly SurveyEntryDocument[]): Promise<void> {
      return entries.insertMany(documents, { atOnce: DATABASE_CONNECTIONS / 2 });
    },

    /** Records `roster` as issued when the group still has `issuedBefore` codes; false when someone issued codes meanwhile. */
    async issueCodes(entryId: string, issuedBefore: number, roster: Roster): Promise<boolean> {
      const changed = await entries.updateWhere(
        { _id: entryId, codesIssued: issuedBefore },
        { codesIssued: issuedBefore + roster.count, codesRequired: true, rosters: _.push(roster) },
      );
      return changed !== 0;
    },

    /** Closes the round's open entries (before the round says it is closed). */
    async closeOpenOfRound(roundId: string): Promise<void> {
      await entries.updateWhere({ roundId, state: 'open' }, { state: 'closed' });
    },

    inTx: (tx: Tx) => ({
      /**
       * Adds one answer to the group's tally: the counts and the number of answers go up by one, the
       * comment joins the list at its place in text order (`$push` with `$sort`), never in arrival order.
       */
      async addAnswer(entryId: string, answer: { readonly choices: Readonly<Record<string, Choice>>; readonly comment: string }): Promise<void> {
        const increments: Record<string, unknown> = { responses: _.inc(1) };
        for (const path of tallyIncrements(answer.choices)) increments[path] = _.inc(1);
        if (answer.comment !== '') increments.comments = _.push({ each: [answer.comment], sort: 1 });
        await tx.collection('surveyEntries').doc(entryId).update({ data: increments });
      },
    }),
  };
}

/** `{}`; SDK commands such as `_.or(...)` are class instances and never empty. */
function isEveryDocument(condition: object): boolean {
  return Object.getPrototypeOf(condition) === Object.prototype && Object.keys(condition).length === 0;
}
