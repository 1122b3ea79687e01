import { leaderRequestsInput } from '../../../src/contract/adminLeaders';
import type { LeaderRequestView } from '../../../src/contract/adminLeaders';
import { peopleRepository } from '../../repositories/people';
import { leaderRequestStamp } from '../../runtime/leaderRequest';
import { defineAction } from '../../runtime/defineAction';
import { pendingLeadersOf } from '../../services/people/pendingLeaders';

/**
 * admin.leaderRequests — the party leaders waiting for the caller's approval (the same list as home's,
 * `canApproveLeaderOf`), with who they are: the org they claim, when they asked and who invited them.
 * Three requests: the list, the people's grants, the inviters' names.
 */
export const leaderRequests = defineAction({
  name: 'admin.leaderRequests',
  input: leaderRequestsInput,
  access: 'person',
  async run({ db, caller, now }) {
    const waiting = await pendingLeadersOf(db, caller, now);
    if (waiting.length === 0) return { items: [] };
    const people = peopleRepository(db);
    const stored = await people.awaitingLeaderApproval([...new Set(waiting.map((leader) => leader.orgId))]);
    const stampOf = (personId: string, orgId: string) => {
      const grant = stored.find((person) => person._id === personId)?.grants.find((candidate) => candidate.role === 'orgLeader' && candidate.scopeId === orgId && !candidate.approved);
      return grant ? leaderRequestStamp(grant) : {};
    };
    const inviterIds = [...new Set(waiting.flatMap((leader) => stampOf(leader.personId, leader.orgId).invitedBy ?? []))];
    const inviters = new Map((await Promise.all(inviterIds.map((id) => people.byId(id)))).flatMap((person) => (person ? [[person._id, person.name] as const] : [])));
    const items: LeaderRequestView[] = waiting.map((leader) => {
      const stamp = stampOf(leader.personId, leader.orgId);
      return {
        ...leader,
        requestedAt: stamp.requestedAt?.toISOString() ?? null,
        invitedByName: (stamp.invitedBy !== undefined ? inviters.get(stamp.invitedBy) : undefined) ?? null,
      };
    });
    return { items: items.sort((a, b) => (a.requestedAt ?? '').localeCompare(b.requestedAt ?? '')) };
  },
});
