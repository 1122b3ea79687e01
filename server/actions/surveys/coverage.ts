import { pairingActiveOn, pairingInScope, pairingsToCover } from '../../../src/domain/surveys/round';
import type { PairingDocument } from '../../db/documents';
import type { SurveyRoundDocument } from '../../db/surveyDocuments';
import { findAll } from '../../db/ops';
import { findEvery } from '../../db/paginate';
import type { CloudDatabase } from '../../runtime/cloud';

/**
 * The pairings a draft round would be sent to now: those of its year in its scope, active on the
 * round's reference day, less those another open or closed round of the same year and period covers
 * (a pairing is evaluated once per period, whether the district or its street runs the round).
 */
export async function pairingsToSend(db: CloudDatabase, round: SurveyRoundDocument, today: string): Promise<PairingDocument[]> {
  const _ = db.command;
  const scope = round.scope;
  const where = scope.type === 'district' ? { year: round.year } : _.and([{ year: round.year }, _.or([{ streetId: scope.streetId }, { unitStreetId: scope.streetId }])]);
  const [pairings, others] = await Promise.all([
    findEvery<PairingDocument>(db.collection('pairings').where(where)),
    findAll<Pick<SurveyRoundDocument, '_id' | 'pairingIds'>>(
      db
        .collection('surveyRounds')
        .where({ year: round.year, period: round.period, state: _.in(['open', 'closed']) })
        .field({ _id: 1, pairingIds: 1 })
        .limit(1000),
    ),
  ]);
  const covered = new Set(others.filter((other) => other._id !== round._id).flatMap((other) => other.pairingIds));
  const referenceDay = today < `${round.year}-12-31` ? today : `${round.year}-12-31`;
  const candidates = pairings.filter((pairing) => pairingInScope(scope, pairing) && pairingActiveOn(pairing, referenceDay));
  const wanted = new Set(pairingsToCover(candidates.map((pairing) => pairing._id), covered));
  return candidates.filter((pairing) => wanted.has(pairing._id));
}
