import type { PairingPlace } from '../../src/domain/access/policy';
import { aggregateAll, Collection } from '../db/collection';
import type { PersonDocument } from '../db/documents';
import type { CloudDatabase } from '../runtime/cloud';
import { orgPairingsJoin } from './recordsPairings';

/** A person waiting (or not) to be approved as an org's party leader, with what deciding on it needs. */
export interface LeaderToApprove {
  readonly person: Pick<PersonDocument, '_id' | 'name' | 'grants'>;
  /** The org's pairings of the year, where they are (`canApproveLeaderOf`). */
  readonly orgPairings: readonly PairingPlace[];
}

/** What approving an org's party leader reads. */
export function leaderApprovalRepository(db: CloudDatabase) {
  const people = new Collection<PersonDocument>(db, 'people');
  return {
    /** The person (name and grants) with the org's pairings of the year: one aggregate; undefined when there is no such person. */
    async leaderToApprove(personId: string, orgId: string, year: number): Promise<LeaderToApprove | undefined> {
      const [found] = await aggregateAll<LeaderToApprove['person'] & { orgPairings: PairingPlace[] }>(
        people.aggregate().match({ _id: personId }).limit(1).project({ name: 1, grants: 1 }).lookup(orgPairingsJoin(db, orgId, year, 'orgPairings')),
      );
      if (!found) return undefined;
      const { orgPairings, ...person } = found;
      return { person, orgPairings };
    },
  };
}
