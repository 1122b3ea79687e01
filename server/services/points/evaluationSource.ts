import type { EvaluationResult } from '../../../src/domain/points/inputs';
import { evaluationPoints, meanPoints } from '../../../src/domain/surveys/points';
import { phaseOf } from '../../../src/domain/surveys/round';
import type { EvaluationCacheDocument } from '../../db/pointsDocuments';
import type { SurveyRoundDocument } from '../../db/surveyDocuments';
import type { EntryTally } from '../../repositories/pointsEvaluations';
import { pointsEvaluationsRepository } from '../../repositories/pointsEvaluations';
import { pointsYearRepository } from '../../repositories/pointsYear';
import type { CloudDatabase } from '../../runtime/cloud';

/**
 * The one adapter between the evaluation surveys (评议, server/actions/surveys) and the points engine.
 * It reads the year's rounds and turns each closed round into points per unit with the surveys' own
 * formula (src/domain/surveys/points: 满意 1, 基本满意 0.6, 不满意 0, weighted by group, × maxPoints).
 * Tallies are read once per closed round — never comments, never identities — and the per-unit
 * points kept in `pointsYear` (a closed round never changes), so a district's evaluation results
 * cost one request. A unit evaluated in several pairings of a round (a change of partner) or in two
 * rounds of the same kind (district and street) gets the mean. A round still open gives its units a
 * result with `closedAt: null` (shown as pending); a pairing nobody answered gives no points.
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

const closedAtOf = (round: SurveyRoundDocument) => new Date(round.closedAt ?? round.endsAt).getTime();

async function cacheRound(db: CloudDatabase, round: SurveyRoundDocument): Promise<EvaluationCacheDocument> {
  const entries = await pointsEvaluationsRepository(db).tallies(round._id);
  const byPairing = new Map<string, EntryTally[]>();
  for (const entry of entries) byPairing.set(entry.pairingId, [...(byPairing.get(entry.pairingId) ?? []), entry]);
  const byUnit = new Map<string, number[]>();
  for (const own of byPairing.values()) {
    const points = evaluationPoints(round.form, own, round.weights, round.maxPoints).points;
    if (points === null) continue;
    byUnit.set(own[0]!.unitId, [...(byUnit.get(own[0]!.unitId) ?? []), points]);
  }
  const cache: EvaluationCacheDocument = {
    _id: `evaluation-${round._id}`,
    type: 'evaluationCache',
    year: round.year,
    roundId: round._id,
    period: round.period,
    closedAtMs: closedAtOf(round),
    units: [...byUnit].sort(([a], [b]) => (a < b ? -1 : 1)),
  };
  await pointsYearRepository(db).saveEvaluationCache(cache);
  return cache;
}

export async function readEvaluationResults(db: CloudDatabase, query: EvaluationQuery, now: Date): Promise<EvaluationResult[]> {
  const rounds = await pointsEvaluationsRepository(db).roundsOfYear(query.year);
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
  for (const round of rounds) {
    if (phaseOf(round, now) !== 'closed') {
      for (const pairingId of round.pairingIds) {
        const unitId = query.unitOfPairing.get(pairingId);
        if (unitId !== undefined && (!wanted || wanted.has(unitId))) slot(unitId, round);
      }
      continue;
    }
    let cache = caches.get(round._id);
    if (!cache || cache.closedAtMs !== closedAtOf(round)) cache = await cacheRound(db, round);
    for (const [unitId, points] of cache.units) {
      if (wanted && !wanted.has(unitId)) continue;
      const target = slot(unitId, round);
      target.points.push(...points);
      target.closedAt = Math.max(target.closedAt ?? 0, cache.closedAtMs);
    }
  }
  return [...slots.values()].map((entry) => ({
    unitId: entry.unitId,
    roundId: [...entry.roundIds].sort().join('+'),
    kind: entry.kind,
    year: query.year,
    points: meanPoints(entry.points) ?? 0,
    closedAt: entry.points.length === 0 || entry.closedAt === null ? null : new Date(entry.closedAt),
  }));
}
