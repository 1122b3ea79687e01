import type { CadenceItem } from '../../src/domain/cadence/cadence';
import { aggregateAll, Collection } from '../db/collection';
import { expr, pipeline } from '../db/commands';
import type { OrgDocument, PairingDocument, PersonDocument, RecordDocument } from '../db/documents';
import type { CloudDatabase } from '../runtime/cloud';
import type { RecordSummaryRow } from './records';
import { summaryProjection } from './records';
import type { RecordResultRow } from './recordResults';

/** The pairing fields home shows (and the org's id for its address). */
const homeFields = { _id: 1, unitName: 1, orgName: 1, orgId: 1, startDate: 1, endDate: 1 } as const;

const resultFields = { ...summaryProjection, confirmed: 1, dispute: 1, updatedAt: 1 } as const;

/**
 * A pairing on the home screen with what its records say, each part bounded whatever the pairing's
 * record count: its org's address, the records deciding this month's, quarter's and year's cadence
 * with those waiting on the unit side (`cadence`), its latest records (`latest`, newest first) and
 * its latest decided ones (`results`, the newest decision first).
 */
export type HomePairing = Pick<PairingDocument, keyof typeof homeFields> & {
  readonly org: Pick<OrgDocument, 'address'>[];
  readonly cadence: RecordSummaryRow[];
  readonly latest: RecordSummaryRow[];
  readonly results: RecordResultRow[];
};

/** A pairing the caller sees with the people of its org who wait for approval as its party leader. */
export type PairingWithPendingLeaders = PairingDocument & { readonly pendingLeaders: Pick<PersonDocument, '_id' | 'name' | 'grants'>[] };

/** A cadence item's period as China dates, inclusive. */
export interface CadenceWindow {
  readonly item: CadenceItem;
  readonly first: string;
  readonly last: string;
}

export interface HomeRecordsQuery {
  readonly windows: readonly CadenceWindow[];
  /** States in which a record waits on the unit side. */
  readonly waiting: readonly RecordDocument['state'][];
  readonly latest: number;
  readonly results: number;
}

/** The stages of a lookup's pipeline as the SDK builds them (`done()`), to put sort and limit between. */
const stages = (built: unknown): object[] => (Array.isArray(built) ? (built as object[]) : []);

/**
 * What the home screen reads, in one request per part whatever a pairing's record count (WeChat bills
 * each request; an aggregate's `$lookup` pipelines are one): the caller's own pairings with their org
 * and their records, and the pairings the caller sees with the leaders waiting for approval.
 */
export function recordsHomeRepository(db: CloudDatabase) {
  const _ = db.command;
  const $ = _.aggregate;
  const pairings = new Collection<PairingDocument>(db, 'pairings');
  const ofThisPairing = $.eq(['$pairingId', '$$pairingId']);
  return {
    /** The pairings matching `where` and not ended before `today`, each with its org and its records (one request). */
    pairingsWithRecords: (where: object, today: string, query: HomeRecordsQuery): Promise<HomePairing[]> => {
      const inWindow = query.windows.map((window) => $.and([$.eq(['$kind', window.item]), $.gte(['$date', window.first]), $.lte(['$date', window.last])]));
      return aggregateAll<HomePairing>(
        pairings
          .aggregate()
          .match(_.and([where, _.or([{ endDate: null }, { endDate: _.gte(today) }])]))
          .project(homeFields)
          .lookup({ from: 'orgs', localField: 'orgId', foreignField: '_id', as: 'org' })
          .lookup({
            from: 'records',
            let: { pairingId: '$_id' },
            pipeline: stages(pipeline(db).match(expr(db, $.and([ofThisPairing, $.or([...inWindow, $.in(['$state', [...query.waiting]])])]))).project(summaryProjection).done()),
            as: 'cadence',
          })
          .lookup({
            from: 'records',
            let: { pairingId: '$_id' },
            pipeline: [...stages(pipeline(db).match(expr(db, ofThisPairing)).done()), { $sort: { date: -1, _id: -1 } }, { $limit: query.latest }, { $project: summaryProjection }],
            as: 'latest',
          })
          .lookup({
            from: 'records',
            let: { pairingId: '$_id' },
            pipeline: [
              ...stages(pipeline(db).match(expr(db, $.and([ofThisPairing, $.in(['$state', ['confirmed', 'disputed']])]))).done()),
              { $sort: { updatedAt: -1, _id: -1 } },
              { $limit: query.results },
              { $project: resultFields },
            ],
            as: 'results',
          })
          .limit(100),
      );
    },

    /** The pairings matching `where`, each with the people waiting for approval as its org's party leader (one request). */
    pairingsWithPendingLeaders: (where: object): Promise<PairingWithPendingLeaders[]> =>
      aggregateAll<PairingWithPendingLeaders>(
        pairings
          .aggregate()
          .match(where)
          .lookup({
            from: 'people',
            let: { orgId: '$orgId' },
            pipeline: pipeline(db)
              .match({ grants: _.elemMatch({ role: 'orgLeader', approved: false }) })
              .match(expr(db, $.in(['$$orgId', '$grants.scopeId'])))
              .project({ name: 1, grants: 1 })
              .done(),
            as: 'pendingLeaders',
          })
          .limit(1000),
      ),
  };
}
