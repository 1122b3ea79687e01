import type { CommendedPerson, CommendedUnit } from '../../src/domain/assessment/commendations';
import type { StreetGrade } from '../../src/domain/assessment/streetCheck';
import type { BulletinContent, BulletinEdit } from '../../src/domain/bulletins/quarterly';
import type { PointRule, RuleScope } from '../../src/domain/points/rules';

/** Documents of points, self-assessment, bulletins and the annual assessment (see schema/points.ts). */

/**
 * The year's points configuration, in one collection so that one read gets it all: the year's
 * settings (`_id` `settings-<year>`) and every saved rule set version (`_id` `rules-<scope>-<year>-v<n>`).
 */
export type PointsYearDocument = PointsSettingsDocument | RuleSetDocument | EvaluationCacheDocument;

export interface PointsSettingsDocument {
  readonly _id: string;
  readonly type: 'settings';
  readonly year: number;
  /** Unit rankings shown to offices (never people); off unless the district turns them on. */
  readonly unitRankings: boolean;
  readonly selfAssessmentDeadline: string;
  readonly closedAt: Date | null;
  readonly closedBy: string | null;
  readonly updatedAt: Date;
  readonly updatedBy: string;
}

export interface RuleSetDocument {
  readonly _id: string;
  readonly type: 'ruleSet';
  readonly year: number;
  readonly version: number;
  /** `district` or `street:<id>`. */
  readonly scopeKey: string;
  readonly scope: RuleScope;
  readonly effectiveFrom: string;
  readonly rules: readonly PointRule[];
  readonly yearCap: number | null;
  readonly lateAfterDays: number;
  readonly note?: string;
  /** A street's version adopting the district's rules from its effective date (its rules are not used). */
  readonly followsDistrict?: boolean;
  readonly savedById: string;
  readonly savedBy: string;
  readonly savedAt: Date;
}

/** A confirmed record named as evidence of an achievement (成果). `_id` is `<recordId>-<achievement>`. */
export interface AchievementTagDocument {
  readonly _id: string;
  readonly recordId: string;
  readonly pairingId: string;
  readonly unitId: string;
  readonly year: number;
  readonly achievement: string;
  readonly taggedById: string;
  readonly taggedBy: string;
  readonly taggedAt: Date;
}

/** The unit's year-end self-assessment (自评). `_id` is `<unitId>-<year>`; a resubmission before the deadline replaces it. */
export interface SelfAssessmentDocument {
  readonly _id: string;
  readonly unitId: string;
  readonly unitStreetId: string;
  readonly year: number;
  readonly items: ReadonlyArray<{ readonly ruleKey: string; readonly claimed: number; readonly remark?: string }>;
  readonly remarks: string;
  readonly submittedById: string;
  readonly submittedBy: string;
  readonly submittedAt: Date;
  readonly revisions: number;
}

/** A quarterly bulletin of the district (`scopeKey` `district`) or of a street. `_id` is `<scope>-<year>-q<n>`. */
export interface BulletinDocument {
  readonly _id: string;
  readonly scopeKey: string;
  readonly streetId: string | null;
  readonly scopeName: string;
  readonly year: number;
  readonly quarter: number;
  readonly state: 'draft' | 'published';
  readonly generated: BulletinContent;
  readonly edit: BulletinEdit;
  /** Units in the bulletin (its compliance rows): those it concerns. */
  readonly unitIds: readonly string[];
  readonly generatedAt: Date;
  readonly updatedAt: Date;
  readonly updatedBy: string;
  readonly publishedAt: Date | null;
  readonly publishedBy: string | null;
}

/** The district's check of a street's organisation of the work. `_id` is `<year>-<streetId>`. */
export interface StreetCheckDocument {
  readonly _id: string;
  readonly year: number;
  readonly streetId: string;
  readonly grade: StreetGrade;
  readonly remarks: string;
  readonly checkedById: string;
  readonly checkedBy: string;
  readonly checkedAt: Date;
}

/** The year's commendation list (表彰): units and people, never with points or ranks. `_id` is `<year>`. */
export interface CommendationDocument {
  readonly _id: string;
  readonly year: number;
  readonly units: readonly CommendedUnit[];
  readonly people: readonly CommendedPerson[];
  readonly updatedById: string;
  readonly updatedBy: string;
  readonly updatedAt: Date;
}

/**
 * A closed evaluation round's points per unit (`_id` `evaluation-<roundId>`), computed once from the
 * round's tallies: a closed round never changes (late answers are refused).
 */
export interface EvaluationCacheDocument {
  readonly _id: string;
  readonly type: 'evaluationCache';
  readonly year: number;
  readonly roundId: string;
  readonly period: 'midYear' | 'yearEnd';
  /** The round's closing instant (ms); a different value means the round changed and the cache is redone. */
  readonly closedAtMs: number;
  /** Each unit's points in the round, one per pairing evaluated. */
  readonly units: ReadonlyArray<readonly [string, readonly number[]]>;
}

/** One record in the points ledger: id, pairing, kind, date, state, content areas (comma-joined), China date written, paper (1/0). */
export type LedgerTuple = readonly [string, string, string, string, string, string, string, 0 | 1];

/**
 * A chunk of the year's points ledger (`_id` `ledger-<year>-<n>`), see server/services/points/ledger.ts.
 * Its records are one text (a line per record, tab-separated fields): the SDK decodes a response value
 * by value, so 40,000 records as one string each chunk read in milliseconds, not seconds.
 */
export interface LedgerChunkDocument {
  readonly _id: string;
  readonly year: number;
  readonly chunk: number;
  /** Optimistic concurrency: a write succeeds only on the revision it read. */
  readonly revision: number;
  /** Epoch ms: every record change before this instant is in the chunk. */
  readonly syncedTo: number;
  /** Epoch ms of the chunk's last rebuild from the records (each hourly run rebuilds the oldest one). */
  readonly builtAt: number;
  readonly records: string;
  /**
   * Names the text of `records`: a new random key whenever the text changes, never reused, so an
   * instance may keep a chunk decoded and read only the chunk's head while the key stays the same.
   */
  readonly contentKey: string;
  /** Ids of the chunk's records not confirmed (waiting, disputed, revised): a read re-reads them. */
  readonly waiting: readonly string[];
  /** How many records the chunk holds. */
  readonly count: number;
}

/** A chunk without its text: what a read needs to decide whether its decoded copy is current. */
export type LedgerChunkHead = Omit<LedgerChunkDocument, 'records'>;
