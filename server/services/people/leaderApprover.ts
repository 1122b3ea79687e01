import type { PairingPlace } from '../../../src/domain/access/policy';
import { canApproveLeaderOf } from '../../../src/domain/access/policy';
import { yearOf } from '../../../src/domain/time/periods';
import type { CloudDatabase } from '../../runtime/cloud';
import { recordsPairingsRepository } from '../../repositories/recordsPairings';
import { refuseIfAwaitingApproval, subjectOfCaller } from '../../runtime/access';
import type { Caller } from '../../runtime/context';
import { fail } from '../../runtime/failure';

type Verb = 'approve' | 'refuse';

/**
 * Refuses unless the caller may decide on the org's party leaders (`canApproveLeaderOf`, over the
 * org's pairings of the year, read by the caller). A leader who is still waiting themselves is told
 * so (PENDING_APPROVAL).
 */
export function refuseUnlessLeaderApprover(caller: Caller, orgId: string, orgPairings: readonly PairingPlace[], verb: Verb): void {
  if (canApproveLeaderOf(subjectOfCaller(caller), orgId, orgPairings)) return;
  refuseIfAwaitingApproval(caller, orgId, `${verb} leaders of ${orgId}`);
  fail('FORBIDDEN', `person ${caller.personId} may not ${verb} leaders of ${orgId}`, { userMessage: '只有结对单位、党群共建办或已审核的负责人可以审核' });
}

/**
 * `refuseUnlessLeaderApprover` over the org's pairings of the year, read here (one request): one
 * check for approving (session.approveLeader) and refusing (admin.refuseLeader).
 */
export async function requireLeaderApprover(db: CloudDatabase, caller: Caller, now: Date, orgId: string, verb: Verb): Promise<void> {
  refuseUnlessLeaderApprover(caller, orgId, await recordsPairingsRepository(db).ofOrgInYear(orgId, yearOf(now).year), verb);
}
