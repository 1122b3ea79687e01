import { policy } from '../../../src/domain/access/policy';
import type { SurveyRoundDocument } from '../../db/surveyDocuments';
import { surveyRoundsRepository } from '../../repositories/surveyRounds';
import { requireAccess } from '../../runtime/access';
import type { CloudDatabase } from '../../runtime/cloud';
import type { Caller } from '../../runtime/context';
import { fail } from '../../runtime/failure';

const notFound = '找不到这次评议';

/** A round, whoever asks (results and links then check the pairing); NOT_FOUND when there is none. */
export async function existingRound(db: CloudDatabase, roundId: string): Promise<SurveyRoundDocument> {
  const round = await surveyRoundsRepository(db).byId(roundId);
  if (round === undefined) fail('NOT_FOUND', `survey round ${roundId} not found`, { field: 'roundId', userMessage: notFound });
  return round;
}

/** A round the caller may see (policy.survey.viewRound), or NOT_FOUND: a round outside one's scope does not exist for them. */
export async function visibleRound(db: CloudDatabase, caller: Pick<Caller, 'grants' | 'personId'>, roundId: string): Promise<SurveyRoundDocument> {
  const round = await existingRound(db, roundId);
  requireAccess(caller, policy.survey.viewRound, round, { field: 'roundId', userMessage: notFound });
  return round;
}

/** A round the caller may edit, open and end (policy.survey.manageRound); FORBIDDEN for a round they only see. */
export async function managedRound(db: CloudDatabase, caller: Pick<Caller, 'grants' | 'personId'>, roundId: string): Promise<SurveyRoundDocument> {
  const round = await visibleRound(db, caller, roundId);
  requireAccess(caller, policy.survey.manageRound, round, { as: 'FORBIDDEN', userMessage: '这次评议由区委党群共建办组织，您可以查看本街道结对的情况' });
  return round;
}
