import type { EvaluationResult } from '../../../src/domain/points/inputs';
import { meanPoints } from '../../../src/domain/surveys/points';
import { phaseOf } from '../../../src/domain/surveys/round';
import type { EvaluationCacheDocument } from '../../db/pointsDocuments';
import type { SurveyRoundDocument } from '../../db/surveyDocuments';
import type { CloudDatabase } from '../../runtime/cloud';
import { cacheIsCurrent, evaluationCacheOf } from './evaluationCache';

/**
 * The evaluation results (评议) of a year from rounds and caches already read: never writes. A closed
 * round has its points from its cache (written when it closed, evaluationCache.ts); one without a
 * current cache (closed at its end time, before the job ran) is computed from its tallies in memory.
 * Used by the unit views and, through evaluationSource.ts, the office views. A unit evaluated in several pairings or
 * rounds of a period gets the mean; an open round gives a pending result (`closedAt: null`).
 */
export interface RoundsQuery {
  readonly year: number;
  /** Only these units' results (all when absent). */
  readonly unitIds?: readonly string[];
  /** The year's pairings → their unit (open rounds name pairings). */
  readonly unitOfPairing: ReadonlyMap<string, string>;
  /** The year's rounds but drafts. */
  readonly rounds: readonly SurveyRoundDocument[];
  /** The year's evaluation caches. */
  readonly caches: readonly EvaluationCacheDocument[];
}

export async function evaluationResultsOf(db: CloudDatabase, query: RoundsQuery, now: Date): Promise<EvaluationResult[]> {
  const wanted = query.unitIds ? new Set(query.unitIds) : undefined;
  const slots = new Map<string, { unitId: string; kind: SurveyRoundDocument['period']; roundIds: Set<string>; points: number[]; closedAt: number | null }>();
  const slot = (unitId: string, round: SurveyRoundDocument) => {
    const key = `${unitId}\u0000${round.period}`;
    let found = slots.get(key);
    if (!found) {
      found = { unitId, kind: round.period, roundIds: new Set(), points: [], closedAt: null };
      slots.set(key, found);
    }
    found.roundIds.add(round._id);
    return found;
  };
  const caches = new Map(query.caches.map((cache) => [cache.roundId, cache]));
  const rounds = query.rounds.filter((round) => round.year === query.year && round.state !== 'draft');
  const closed = await Promise.all(
    rounds.map(async (round) => {
      if (phaseOf(round, now) !== 'closed') return undefined;
      const cache = caches.get(round._id);
      return cacheIsCurrent(cache, round) ? cache : evaluationCacheOf(db, round);
    }),
  );
  rounds.forEach((round, index) => {
    const cache = closed[index];
    if (!cache) {
      for (const pairingId of round.pairingIds) {
        const unitId = query.unitOfPairing.get(pairingId);
        if (unitId !== undefined && (!wanted || wanted.has(unitId))) slot(unitId, round);
      }
      return;
    }
    for (const [unitId, points] of cache.units) {
      if (wanted && !wanted.has(unitId)) continue;
      const target = slot(unitId, round);
      target.points.push(...points);
      target.closedAt = Math.max(target.closedAt ?? 0, cache.closedAtMs);
    }
  });
  return [...slots.values()].map((entry) => ({
    unitId: entry.unitId,
    roundId: [...entry.roundIds].sort().join('+'),
    kind: entry.kind,
    year: query.year,
    points: meanPoints(entry.points) ?? 0,
    closedAt: entry.points.length === 0 || entry.closedAt === null ? null : new Date(entry.closedAt),
  }));
}
