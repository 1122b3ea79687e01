import { canApproveLeaderOf } from '../../../src/domain/access/policy';
import { yearOf } from '../../../src/domain/time/periods';
import type { CloudDatabase } from '../../runtime/cloud';
import { recordsPairingsRepository } from '../../repositories/recordsPairings';
import { refuseIfAwaitingApproval, subjectOfCaller } from '../../runtime/access';
import type { Caller } from '../../runtime/context';
import { fail } from '../../runtime/failure';

/**
 * Refuses unless the caller may decide on the org's party leaders (`canApproveLeaderOf`, over the
 * org's pairings of the year): one check for approving (session.approveLeader) and refusing
 * (admin.refuseLeader). A leader who is still waiting themselves is told so (PENDING_APPROVAL).
 */
export async function requireLeaderApprover(db: CloudDatabase, caller: Caller, now: Date, orgId: string, verb: 'approve' | 'refuse'): Promise<void> {
  const pairings = await recordsPairingsRepository(db).ofOrgInYear(orgId, yearOf(now).year);
  if (canApproveLeaderOf(subjectOfCaller(caller), orgId, pairings)) return;
  refuseIfAwaitingApproval(caller, orgId, `${verb} leaders of ${orgId}`);
  fail('FORBIDDEN', `person ${caller.personId} may not ${verb} leaders of ${orgId}`, { userMessage: '只有结对单位、党群共建办或已审核的负责人可以审核' });
}
