import type { SurveyForm } from '../../src/domain/surveys/form';
import type { RespondentGroup } from '../../src/domain/surveys/groups';
import type { GroupWeights } from '../../src/domain/surveys/points';
import type { RoundScope, RoundState, SurveyPeriod } from '../../src/domain/surveys/round';
import type { TallyCounts } from '../../src/domain/surveys/tally';

/**
 * Documents of the evaluation surveys (评议). Anonymity is a property of these shapes:
 *  - `surveyBallots` holds only keyed hashes of who answered (the once-only keys), no answer, no time;
 *  - `surveyEntries` holds the answers as tallies (counts per item and choice, comments in text
 *    order), no identity, no time and no per-answer record, so nothing joins the two — not a field,
 *    not an id, not the order of insertion.
 */

export interface SurveyRoundDocument {
  readonly _id: string;
  readonly year: number;
  readonly period: SurveyPeriod;
  readonly scope: RoundScope;
  readonly scopeName: string;
  readonly state: RoundState;
  /** The draft's form; frozen (and copied into every entry) when the round opens. */
  readonly form: SurveyForm;
  readonly weights: GroupWeights;
  /** Minimum answers before a group's results are shown (at least 3). */
  readonly threshold: number;
  readonly maxPoints: number;
  readonly endDate: string;
  readonly endsAt: Date;
  /** The pairings sent the questionnaire (set when the round opens). */
  readonly pairingIds: readonly string[];
  readonly createdById: string;
  readonly createdByName: string;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly openedAt: Date | null;
  readonly closedAt: Date | null;
}

/**
 * One group of one pairing in an open or closed round: its entry link (the `_id` is the link's
 * unguessable token) and its ballot box (the tally of its answers).
 */
export interface SurveyEntryDocument {
  readonly _id: string;
  readonly roundId: string;
  readonly year: number;
  readonly roundLabel: string;
  readonly pairingId: string;
  readonly unitId: string;
  readonly orgId: string;
  readonly unitName: string;
  readonly orgName: string;
  readonly streetId: string;
  readonly unitStreetId: string;
  readonly group: RespondentGroup;
  /** The round's frozen form. */
  readonly form: SurveyForm;
  readonly endDate: string;
  readonly endsAt: Date;
  /** 'closed' once an office ends the round early; an open entry past `endsAt` is closed too. */
  readonly state: 'open' | 'closed';
  /** Ballot codes issued for this group (numbered 0…codesIssued-1); once any exist only a code answers. */
  readonly codesIssued: number;
  readonly codesRequired: boolean;
  readonly rosters: ReadonlyArray<{ readonly from: number; readonly count: number; readonly issuedOn: string; readonly byName: string }>;
  readonly responses: number;
  readonly counts: TallyCounts;
  /** Sanitised comments, kept sorted by text (a `$push` with `$sort`), never in arrival order. */
  readonly comments: readonly string[];
}

/** A once-only key: HMAC of round, pairing and the respondent's WeChat identity or ballot code. */
export interface SurveyBallotDocument {
  readonly _id: string;
  readonly roundId: string;
  readonly pairingId: string;
}
