import { aggregateAll, Collection } from '../db/collection';
import type { OrgDocument, PairingDocument } from '../db/documents';
import type { CloudDatabase } from '../runtime/cloud';


/** Pairings as the record book, its activities and its people read them. */
export function recordsPairingsRepository(db: CloudDatabase) {
  const pairings = new Collection<PairingDocument>(db, 'pairings');
  return {
    byId: (id: string): Promise<PairingDocument | undefined> => pairings.byId(id),

    /** The pairing with its org (one request). */
    async withOrg(id: string): Promise<{ pairing: PairingDocument; org: OrgDocument | undefined } | undefined> {
      const [found] = await aggregateAll<PairingDocument & { org: OrgDocument[] }>(pairings.aggregate().match({ _id: id }).lookup({ from: 'orgs', localField: 'orgId', foreignField: '_id', as: 'org' }));
      if (!found) return undefined;
      const { org, ...pairing } = found;
      return { pairing, org: org[0] };
    },

    /** Pairings matching `where` (at most 1,000: a year's pairings in one person's reach). */
    matching: (where: object): Promise<PairingDocument[]> => pairings.find(where, { limit: 1000 }),

    ofOrgInYear: (orgId: string, year: number): Promise<PairingDocument[]> => pairings.find({ orgId, year }, { limit: 1000 }),

  };
}
