import { pairingCopyOf } from '../../../src/domain/catalog/pairing';
import { linkedPages } from '../../../src/contract/pages';
import { respondentGroupIds } from '../../../src/domain/surveys/groups';
import { roundLabel } from '../../../src/domain/surveys/round';
import { emptyCounts } from '../../../src/domain/surveys/tally';
import type { PairingDocument } from '../../db/documents';
import type { SurveyEntryDocument, SurveyRoundDocument } from '../../db/surveyDocuments';
import type { EntryCounts } from '../../repositories/surveyEntries';
import { surveyEntriesRepository } from '../../repositories/surveyEntries';
import { isDuplicateKey } from '../../db/transaction';
import type { CloudDatabase } from '../../runtime/cloud';
import { entryToken } from './ballotKeys';

/** The mini-program path of a group's entry link (its QR code opens the same page with `scene`). */
export function entryPath(entryId: string): string {
  return `${linkedPages.survey}?e=${entryId}`;
}

/** A group's entry of an opening round: an unguessable link token, the frozen form, an empty tally. */
export function entryDocument(round: SurveyRoundDocument, pairing: PairingDocument, group: SurveyEntryDocument['group']): SurveyEntryDocument {
  return {
    _id: entryToken(round._id, pairing._id, group),
    roundId: round._id,
    year: round.year,
    roundLabel: roundLabel(round.year, round.period),
    ...pairingCopyOf(pairing),
    group,
    form: round.form,
    endDate: round.endDate,
    endsAt: round.endsAt,
    state: 'open',
    codesIssued: 0,
    codesRequired: false,
    rosters: [],
    responses: 0,
    counts: emptyCounts(round.form),
    comments: [],
  };
}

/**
 * Makes sure every pairing of an open round has its three entries; creates the missing ones and
 * answers all of the round's entries (without comments or form), so the caller shows the round without
 * reading them again. Opening is idempotent: a retried open after a failure half-way completes the
 * entries. `justOpened`: the caller has just claimed the round from draft, so none exist yet and they
 * are not read. Should another office complete the round at the same moment, the entries' ids (fixed
 * for round, pairing and group) collide instead of doubling, and the missing ones are read and
 * written once more.
 */
export async function ensureEntries(db: CloudDatabase, round: SurveyRoundDocument, pairings: readonly PairingDocument[], options: { readonly justOpened?: boolean; readonly again?: boolean } = {}): Promise<EntryCounts[]> {
  const entries = surveyEntriesRepository(db);
  const existing = options.justOpened ? [] : await entries.ofRound(round._id);
  const present = new Set(existing.map((entry) => `${entry.pairingId}|${entry.group}`));
  const missing = pairings.flatMap((pairing) => respondentGroupIds.filter((group) => !present.has(`${pairing._id}|${group}`)).map((group) => entryDocument(round, pairing, group)));
  try {
    await entries.insertAll(missing);
  } catch (error) {
    if (options.again || !isDuplicateKey(error)) throw error;
    return ensureEntries(db, round, pairings, { again: true });
  }
  return [...existing, ...missing.map(countsOf)];
}

/** What lists and overviews read of an entry (`EntryCounts`): all but its comments and its copy of the form. */
function countsOf(entry: SurveyEntryDocument): EntryCounts {
  const { comments: _comments, form: _form, ...counts } = entry;
  return counts;
}
