import { aggregateAll, Collection } from '../db/collection';
import { pipeline } from '../db/commands';
import type { OrgDocument, PairingDocument } from '../db/documents';
import type { CloudDatabase } from '../runtime/cloud';
import type { FileHolder, JoinedHolders } from './files';
import { holdersIn, withHolders, withoutHolders } from './files';

/**
 * A join of an org's pairings of the year, each only where it is (unit, org and their streets: what
 * `canApproveLeaderOf` looks at), through the `org_year` index: an uncorrelated `$lookup` to add to
 * an aggregate read anyway, so the check costs no request of its own.
 */
export function orgPairingsJoin(db: CloudDatabase, orgId: string, year: number, as: string): object {
  return { from: 'pairings', pipeline: pipeline(db).match({ orgId, year }).project({ _id: 0, unitId: 1, orgId: 1, streetId: 1, unitStreetId: 1 }).done(), as };
}

/** Pairings as the record book, its activities and its people read them. */
export function recordsPairingsRepository(db: CloudDatabase) {
  const pairings = new Collection<PairingDocument>(db, 'pairings');
  return {
    byId: (id: string): Promise<PairingDocument | undefined> => pairings.byId(id),

    /** The pairing with its org, and which of its check-ins hold these photos (one request). */
    async withOrg(id: string, fileIds: readonly string[] = []): Promise<{ pairing: PairingDocument; org: OrgDocument | undefined; holders: FileHolder[] } | undefined> {
      const chain = pairings.aggregate().match({ _id: id }).limit(1).lookup({ from: 'orgs', localField: 'orgId', foreignField: '_id', as: 'org' });
      const [found] = await aggregateAll<PairingDocument & JoinedHolders & { org: OrgDocument[] }>(withHolders(db, chain, { kind: 'checkIn', pairingId: id, fileIds }));
      if (!found) return undefined;
      const { org, ...pairing } = withoutHolders(found);
      return { pairing, org: org[0], holders: holdersIn(found, fileIds) };
    },

    /** Pairings matching `where` (at most 1,000: a year's pairings in one person's reach). */
    matching: (where: object): Promise<PairingDocument[]> => pairings.find(where, { limit: 1000 }),

    ofOrgInYear: (orgId: string, year: number): Promise<PairingDocument[]> => pairings.find({ orgId, year }, { limit: 1000 }),

  };
}
