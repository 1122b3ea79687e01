import { evaluationPoints } from '../../../src/domain/surveys/points';
import { phaseOf } from '../../../src/domain/surveys/round';
import type { EvaluationCacheDocument } from '../../db/pointsDocuments';
import type { SurveyRoundDocument } from '../../db/surveyDocuments';
import type { EntryTally } from '../../repositories/pointsEvaluations';
import { pointsEvaluationsRepository } from '../../repositories/pointsEvaluations';
import { pointsYearRepository } from '../../repositories/pointsYear';
import type { CloudDatabase } from '../../runtime/cloud';

/**
 * The points of a closed evaluation round (评议), per unit, kept in `pointsYear` so that reading a
 * year's points never reads tallies. Written where a round's results become final: when an office
 * closes it (surveys.close), and by a job for rounds that closed at their end time. Reads never write:
 * a closed round without its cache is computed in memory (evaluationResults.ts).
 */
export const closedAtOf = (round: Pick<SurveyRoundDocument, 'closedAt' | 'endsAt'>): number => new Date(round.closedAt ?? round.endsAt).getTime();

/** A cache still describes the round when it was made at the round's present closing time. */
export const cacheIsCurrent = (cache: EvaluationCacheDocument | undefined, round: SurveyRoundDocument): cache is EvaluationCacheDocument => cache !== undefined && cache.closedAtMs === closedAtOf(round);

/** The round's points per unit from its tallies (one request per 10,000 entries; counts only, never comments). */
export async function evaluationCacheOf(db: CloudDatabase, round: SurveyRoundDocument): Promise<EvaluationCacheDocument> {
  const entries = await pointsEvaluationsRepository(db).tallies(round._id);
  const byPairing = new Map<string, EntryTally[]>();
  for (const entry of entries) byPairing.set(entry.pairingId, [...(byPairing.get(entry.pairingId) ?? []), entry]);
  const byUnit = new Map<string, number[]>();
  for (const own of byPairing.values()) {
    const points = evaluationPoints(round.form, own, round.weights, round.maxPoints).points;
    if (points === null) continue;
    byUnit.set(own[0]!.unitId, [...(byUnit.get(own[0]!.unitId) ?? []), points]);
  }
  return {
    _id: `evaluation-${round._id}`,
    type: 'evaluationCache',
    year: round.year,
    roundId: round._id,
    period: round.period,
    closedAtMs: closedAtOf(round),
    units: [...byUnit].sort(([a], [b]) => (a < b ? -1 : 1)),
  };
}

/** Writes the points of a round that is closed at `now` (a round still open has no final points: nothing written). */
export async function writeEvaluationCache(db: CloudDatabase, round: SurveyRoundDocument, now: Date): Promise<EvaluationCacheDocument | undefined> {
  if (phaseOf(round, now) !== 'closed') return undefined;
  const cache = await evaluationCacheOf(db, round);
  await pointsYearRepository(db).saveEvaluationCache(cache);
  return cache;
}

/** For a job: writes the caches of the year's rounds that closed (at their end time, say) without a current one. */
export async function writeMissingEvaluationCaches(db: CloudDatabase, year: number, now: Date): Promise<EvaluationCacheDocument[]> {
  const [rounds, documents] = await Promise.all([pointsEvaluationsRepository(db).roundsOfYear(year), pointsYearRepository(db).ofYear(year)]);
  const caches = new Map(documents.filter((document): document is EvaluationCacheDocument => document.type === 'evaluationCache').map((cache) => [cache.roundId, cache]));
  const missing = rounds.filter((round) => phaseOf(round, now) === 'closed' && !cacheIsCurrent(caches.get(round._id), round));
  const written = await Promise.all(missing.map((round) => writeEvaluationCache(db, round, now)));
  return written.filter((cache): cache is EvaluationCacheDocument => cache !== undefined);
}
