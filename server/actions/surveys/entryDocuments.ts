import { pairingCopyOf } from '../../../src/domain/catalog/pairing';
import { linkedPages } from '../../../src/contract/pages';
import { respondentGroupIds } from '../../../src/domain/surveys/groups';
import { roundLabel } from '../../../src/domain/surveys/round';
import { emptyCounts } from '../../../src/domain/surveys/tally';
import type { PairingDocument } from '../../db/documents';
import type { SurveyEntryDocument, SurveyRoundDocument } from '../../db/surveyDocuments';
import { surveyEntriesRepository } from '../../repositories/surveyEntries';
import type { CloudDatabase } from '../../runtime/cloud';
import { newToken } from '../../runtime/tokens';

/** The mini-program path of a group's entry link (its QR code opens the same page with `scene`). */
export function entryPath(entryId: string): string {
  return `${linkedPages.survey}?e=${entryId}`;
}

/** A group's entry of an opening round: an unguessable link token, the frozen form, an empty tally. */
export function entryDocument(round: SurveyRoundDocument, pairing: PairingDocument, group: SurveyEntryDocument['group']): SurveyEntryDocument {
  return {
    _id: newToken(),
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
 * Makes sure every pairing of an open round has its three entries; creates the missing ones.
 * Opening is idempotent: a retried open after a failure half-way completes the entries.
 */
export async function ensureEntries(db: CloudDatabase, round: SurveyRoundDocument, pairings: readonly PairingDocument[]): Promise<number> {
  const entries = surveyEntriesRepository(db);
  const existing = new Set((await entries.ofRound(round._id)).map((entry) => `${entry.pairingId}|${entry.group}`));
  const missing = pairings.flatMap((pairing) => respondentGroupIds.filter((group) => !existing.has(`${pairing._id}|${group}`)).map((group) => entryDocument(round, pairing, group)));
  await entries.insertAll(missing);
  return missing.length;
}
