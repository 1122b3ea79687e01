import type { ContentArea, RecordKind } from '../records/catalog';
import type { RecordState } from '../records/stateMachine';
import type { EvaluationRound } from './rules';

/** What the points engine reads: plain data, whatever database it came from. */

/** A pairing of the unit in the year; a change of partner mid-year is two pairings. */
export interface PointsPairing {
  readonly id: string;
  readonly unitId: string;
  readonly orgName: string;
  /** `YYYY-MM-DD`, inclusive. */
  readonly startDate: string;
  /** `YYYY-MM-DD`, inclusive; null while it goes on. */
  readonly endDate: string | null;
}

/** A record of the 积分行动记录本, as far as points are concerned. */
export interface PointsRecord {
  readonly id: string;
  readonly pairingId: string;
  readonly kind: RecordKind;
  /** The day the work took place, `YYYY-MM-DD`. */
  readonly date: string;
  readonly state: RecordState;
  readonly contentAreas: readonly ContentArea[];
  /** China date on which the record was first written in the app (late write-ups of periodic items earn less). */
  readonly recordedOn: string;
  /** A paper record entered by an office (补录): never counted as late — the app is not the only way to take part. */
  readonly paper: boolean;
}

/** A confirmed record named as evidence of an achievement (成果) of the rule set. */
export interface AchievementTag {
  readonly recordId: string;
  readonly achievement: string;
}

/**
 * An evaluation round's result for a unit (评议结果转化为积分), from the evaluation surveys:
 * `points` is the round's result already turned into points; the rule set caps it per round.
 */
export interface EvaluationResult {
  readonly unitId: string;
  readonly roundId: string;
  readonly kind: EvaluationRound;
  readonly year: number;
  readonly points: number;
  /** When the round closed; a round still open counts for nothing yet. */
  readonly closedAt: Date | null;
}
