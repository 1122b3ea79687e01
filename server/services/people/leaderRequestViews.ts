import type { LeaderRequestView } from '../../../src/contract/adminLeaders';
import { peopleRepository } from '../../repositories/people';
import type { CloudDatabase } from '../../runtime/cloud';
import type { Caller } from '../../runtime/context';
import { leaderRequestStamp } from '../../runtime/leaderRequest';
import { pendingLeaderGrants } from './pendingLeaders';

/**
 * The party leaders waiting for the caller's approval (the same list as home's, `canApproveLeaderOf`)
 * with who they are: the org they claim, when they asked and who invited them, oldest request first.
 * At most three requests in sequence: the caller's pairings, the waiting people, the inviters' names.
 */
export async function leaderRequestViews(db: CloudDatabase, caller: Caller, now: Date): Promise<LeaderRequestView[]> {
  const waiting = (await pendingLeaderGrants(db, caller, now)).map(({ person, grant }) => ({ person, grant, stamp: leaderRequestStamp(grant) }));
  const inviters = await peopleRepository(db).namesOf([...new Set(waiting.flatMap(({ stamp }) => stamp.invitedBy ?? []))]);
  const items = waiting.map(({ person, grant, stamp }) => ({
    personId: person._id,
    name: person.name,
    orgId: grant.scopeId,
    orgName: grant.scopeName,
    requestedAt: stamp.requestedAt?.toISOString() ?? null,
    invitedByName: (stamp.invitedBy !== undefined ? inviters.get(stamp.invitedBy) : undefined) ?? null,
  }));
  return items.sort((a, b) => (a.requestedAt ?? '').localeCompare(b.requestedAt ?? ''));
}
