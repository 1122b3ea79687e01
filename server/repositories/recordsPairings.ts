import { aggregateAll, Collection } from '../db/collection';
import type { OrgDocument, PairingDocument } from '../db/documents';
import type { CloudDatabase } from '../runtime/cloud';
import type { RecordSummaryRow } from './records';
import { summaryProjection } from './records';

/** The pairing fields home shows (and the org's id for its address). */
const homeFields = { _id: 1, unitName: 1, orgName: 1, orgId: 1, startDate: 1, endDate: 1 } as const;

export type HomePairingRow = Pick<PairingDocument, keyof typeof homeFields> & { readonly records: RecordSummaryRow[]; readonly org: Pick<OrgDocument, 'address'>[] };

export type ReminderPairingRow = Pick<PairingDocument, '_id' | 'unitId' | 'orgId' | 'orgName' | 'startDate' | 'endDate'>;

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

    /**
     * Pairings matching `where` with their records (the fields a summary needs) and their org's
     * address: one aggregate. An equality join, so the records are read through their pairingId index.
     */
    withRecordsAndOrg: (where: object): Promise<HomePairingRow[]> =>
      aggregateAll<HomePairingRow>(
        pairings
          .aggregate()
          .match(where)
          .lookup({ from: 'records', localField: '_id', foreignField: 'pairingId', as: 'records' })
          .project({ ...homeFields, ...Object.fromEntries(Object.keys(summaryProjection).map((field) => [`records.${field}`, 1])) })
          .lookup({ from: 'orgs', localField: 'orgId', foreignField: '_id', as: 'org' }),
      ),

    /** The year's pairings with what the reminders need. */
    ofYear: (year: number): Promise<ReminderPairingRow[]> =>
      pairings.findEvery<ReminderPairingRow>({ year }, { orderBy: [['_id', 'asc']], fields: { _id: 1, unitId: 1, orgId: 1, orgName: 1, startDate: 1, endDate: 1 } }),
  };
}
