import { pairingActiveOn, pairingInScope, pairingsToCover } from '../../../src/domain/surveys/round';
import type { PairingDocument } from '../../db/documents';
import type { SurveyRoundDocument } from '../../db/surveyDocuments';
import { surveyRoundsRepository } from '../../repositories/surveyRounds';
import { surveyScopeRepository } from '../../repositories/surveyScope';
import type { CloudDatabase } from '../../runtime/cloud';

/**
 * The pairings a draft round would be sent to now: those of its year in its scope, active on the
 * round's reference day, less those another open or closed round of the same year and period covers
 * (a pairing is evaluated once per period, whether the district or its street runs the round).
 * This is the round's reach, not the caller's: who may open the round is policy.survey.manageRound.
 */
export async function pairingsToSend(db: CloudDatabase, round: SurveyRoundDocument, today: string): Promise<PairingDocument[]> {
  const [pairings, others] = await Promise.all([surveyScopeRepository(db).pairingsOfYear(round.year, round.scope), surveyRoundsRepository(db).sentOfPeriod(round.year, round.period)]);
  const covered = new Set(others.filter((other) => other._id !== round._id).flatMap((other) => other.pairingIds));
  const referenceDay = today < `${round.year}-12-31` ? today : `${round.year}-12-31`;
  const candidates = pairings.filter((pairing) => pairingInScope(round.scope, pairing) && pairingActiveOn(pairing, referenceDay));
  const wanted = new Set(pairingsToCover(candidates.map((pairing) => pairing._id), covered));
  return candidates.filter((pairing) => wanted.has(pairing._id));
}
