import type { CadenceItem } from '../../src/domain/cadence/cadence';
import { aggregateAll, Collection } from '../db/collection';
import type { OrgDocument, PairingDocument, RecordDocument } from '../db/documents';
import type { CloudDatabase } from '../runtime/cloud';
import type { RecordSummaryRow } from './records';
import { summaryProjection } from './records';

/** The pairing fields home shows (and the org's id for its address). */
const homeFields = { _id: 1, unitName: 1, orgName: 1, orgId: 1, startDate: 1, endDate: 1 } as const;

export type HomePairing = Pick<PairingDocument, keyof typeof homeFields> & { readonly org: Pick<OrgDocument, 'address'>[] };

/** A cadence item's period as China dates, inclusive. */
export interface CadenceWindow {
  readonly item: CadenceItem;
  readonly first: string;
  readonly last: string;
}

/**
 * What the home screen reads, each a bounded amount whatever a pairing's record count: the pairings
 * with their org's address (one aggregate), the records that decide this month's, quarter's and
 * year's cadence together with those waiting on the unit side (one request), and each pairing's
 * latest five (a request per pairing through the `pairing_date` index; a unit has one or two).
 */
export function recordsHomeRepository(db: CloudDatabase) {
  const _ = db.command;
  const pairings = new Collection<PairingDocument>(db, 'pairings');
  const records = new Collection<RecordDocument>(db, 'records');
  return {
    pairingsWithOrg: (where: object): Promise<HomePairing[]> =>
      aggregateAll<HomePairing>(pairings.aggregate().match(where).project(homeFields).lookup({ from: 'orgs', localField: 'orgId', foreignField: '_id', as: 'org' }).limit(100)),

    /** Records of these pairings in a cadence window of their item, or in one of these states. */
    cadenceOrWaiting: (pairingIds: readonly string[], windows: readonly CadenceWindow[], states: readonly RecordDocument['state'][]): Promise<RecordSummaryRow[]> =>
      records.findEvery<RecordSummaryRow>(
        _.and([
          { pairingId: _.in([...pairingIds]) },
          _.or([...windows.map((window) => ({ kind: window.item, date: _.and(_.gte(window.first), _.lte(window.last)) })), { state: _.in([...states]) }]),
        ]),
        { orderBy: [['_id', 'asc']], fields: summaryProjection },
      ),

    /** A pairing's latest records, newest first. */
    latest: (pairingId: string, limit: number): Promise<RecordSummaryRow[]> =>
      records.find<RecordSummaryRow>({ pairingId }, { orderBy: [['date', 'desc'], ['_id', 'desc']], limit, fields: summaryProjection }),
  };
}
