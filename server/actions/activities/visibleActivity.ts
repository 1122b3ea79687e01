import { policy } from '../../../src/domain/access/policy';
import type { ActivityDocument } from '../../db/documents';
import { activitiesRepository } from '../../repositories/activities';
import { allows } from '../../runtime/access';
import type { CloudDatabase } from '../../runtime/cloud';
import type { Caller } from '../../runtime/context';
import { fail } from '../../runtime/failure';
import { onceApproved } from '../../services/records/onceApproved';

/**
 * A joint activity the caller may see: whoever sees its pairing (`pairing.view`, as activities.list),
 * and also its org's party leader still waiting for approval (who may come to it).
 */
export async function visibleActivity(db: CloudDatabase, caller: Caller, activityId: string): Promise<ActivityDocument> {
  const activity = await activitiesRepository(db).byId(activityId);
  if (!activity || !(allows(caller, policy.pairing.view, activity) || allows(onceApproved(caller), policy.pairing.view, activity))) {
    fail('NOT_FOUND', `activity ${activityId} not visible to ${caller.personId}`, { userMessage: '活动不存在或不在您的结对范围内' });
  }
  return activity;
}
