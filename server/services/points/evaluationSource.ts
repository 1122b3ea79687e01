import type { EvaluationResult } from '../../../src/domain/points/inputs';
import type { EvaluationCacheDocument } from '../../db/pointsDocuments';
import { pointsEvaluationsRepository } from '../../repositories/pointsEvaluations';
import type { CloudDatabase } from '../../runtime/cloud';
import { evaluationResultsOf } from './evaluationResults';

/**
 * The one adapter between the evaluation surveys (评议, server/actions/surveys) and the points engine
 * for the office views: reads the year's rounds (one request) and turns them into points per unit
 * with evaluationResults.ts — from each closed round's cache, written when the round closed
 * (evaluationCache.ts), or from its tallies in memory when it closed at its end time before the job
 * wrote it. Never writes: reading points changes nothing in the database.
 */
export interface EvaluationQuery {
  readonly year: number;
  /** Only these units' results (all when absent). */
  readonly unitIds?: readonly string[];
  /** The year's pairings → their unit (open rounds name pairings). */
  readonly unitOfPairing: ReadonlyMap<string, string>;
  /** Cached closed rounds (loaded with the year's configuration). */
  readonly caches: readonly EvaluationCacheDocument[];
}

export async function readEvaluationResults(db: CloudDatabase, query: EvaluationQuery, now: Date): Promise<EvaluationResult[]> {
  const rounds = await pointsEvaluationsRepository(db).roundsOfYear(query.year);
  return evaluationResultsOf(db, { ...query, rounds }, now);
}
