import type { PendingLeaderView } from '../../../src/contract/session';
import { canApproveLeaderOf, policy } from '../../../src/domain/access/policy';
import { yearOf } from '../../../src/domain/time/periods';
import { peopleRepository } from '../../repositories/people';
import { recordsPairingsRepository } from '../../repositories/recordsPairings';
import { accessWhere, subjectOfCaller } from '../../runtime/access';
import type { CloudDatabase } from '../../runtime/cloud';
import type { Caller, Grant } from '../../runtime/context';
import type { PersonDocument } from '../../db/documents';

/**
 * Org party leaders waiting for approval that the caller may approve (`canApproveLeaderOf`, over the
 * year's pairings the caller sees: `pairing.view`): session.pendingLeaders and the home screen's
 * answer (records.home). Two requests, the second only when there are orgs to ask about.
 */
export async function pendingLeadersOf(db: CloudDatabase, caller: Caller, now: Date): Promise<PendingLeaderView[]> {
  return (await pendingLeaderGrants(db, caller, now)).map(({ person, grant }) => ({ personId: person._id, name: person.name, orgId: grant.scopeId, orgName: grant.scopeName }));
}

/** The same waiting leaders as stored: each person with the unapproved leader grant the caller may approve. */
export async function pendingLeaderGrants(db: CloudDatabase, caller: Caller, now: Date): Promise<Array<{ person: PersonDocument; grant: Grant }>> {
  const where = accessWhere(db, caller, policy.pairing.view, { year: yearOf(now).year });
  const pairings = where ? await recordsPairingsRepository(db).matching(where) : [];
  const subject = subjectOfCaller(caller);
  const orgIds = [...new Set(pairings.filter((pairing) => canApproveLeaderOf(subject, pairing.orgId, pairings)).map((pairing) => pairing.orgId))];
  if (orgIds.length === 0) return [];
  const people = await peopleRepository(db).awaitingLeaderApproval(orgIds);
  return people.flatMap((person) => person.grants.filter((grant) => grant.role === 'orgLeader' && !grant.approved && orgIds.includes(grant.scopeId)).map((grant) => ({ person, grant })));
}
