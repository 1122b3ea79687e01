import { aggregateAll, Collection } from '../db/collection';
import type { AuditDocument, WorkPlanDocument } from '../db/adminDocuments';
import { expr, pipeline } from '../db/commands';
import type { OrgDocument, PersonDocument, RecordDocument } from '../db/documents';
import type { CloudDatabase } from '../runtime/cloud';

/** What the trail shows of a record: its names and its own history. */
export type RecordHistory = Pick<RecordDocument, '_id' | 'unitName' | 'orgName' | 'kind' | 'date' | 'history'>;

/** What the trail shows of a plan: its names and its own history. */
export type PlanHistory = Pick<WorkPlanDocument, '_id' | 'subjectName' | 'year' | 'history'>;

/** One page of the trail: at most `limit`, and (for the next page) only what happened before `before`. */
export interface TrailPage {
  readonly before: Date | null;
  readonly limit: number;
}

/** The audit trail as offices read it: administration's entries, and the records' and plans' own histories. */
export function adminAuditTrailRepository(db: CloudDatabase) {
  const trail = new Collection<AuditDocument>(db, 'auditTrail');
  const records = new Collection<RecordDocument>(db, 'records');
  const plans = new Collection<WorkPlanDocument>(db, 'workPlans');
  const _ = db.command;
  const earlier = (where: object, field: string, before: Date | null) => (before ? _.and([where, { [field]: _.lt(before) }]) : where);
  return {
    /** Entries matching, newest first. */
    entries: (where: object, page: TrailPage): Promise<AuditDocument[]> => trail.find(earlier(where, 'at', page.before), { orderBy: [['at', 'desc']], limit: page.limit }),
    /**
     * In one request, from a WeChat identity: the person holding it, the newest of their entries
     * about this org with one of these actions, and the org as it is now (each undefined when none).
     */
    newestAboutOrg: async (openid: string, orgId: string, actions: readonly string[]): Promise<{ person: PersonDocument | undefined; entry: AuditDocument | undefined; org: OrgDocument | undefined }> => {
      const $ = _.aggregate;
      const chain = new Collection<PersonDocument>(db, 'people')
        .aggregate()
        .match({ openid })
        .limit(1)
        .lookup({
          from: 'auditTrail',
          let: { personId: '$_id' },
          pipeline: pipeline(db)
            .match(expr(db, $.eq(['$personId', '$$personId'])))
            .match({ orgId, action: _.in([...actions]) })
            .sort({ at: -1 })
            .limit(1)
            .done(),
          as: 'entryFound',
        })
        .lookup({ from: 'orgs', pipeline: pipeline(db).match({ _id: orgId }).limit(1).done(), as: 'orgFound' });
      const [row] = await aggregateAll<PersonDocument & { entryFound: AuditDocument[]; orgFound: OrgDocument[] }>(chain);
      if (!row) return { person: undefined, entry: undefined, org: undefined };
      const { entryFound, orgFound, ...person } = row;
      return { person, entry: entryFound[0], org: orgFound[0] };
    },
    /** Records matching (created before `before`), last changed first, with their histories. */
    recordHistories: (where: object, page: TrailPage): Promise<RecordHistory[]> =>
      records.find<RecordHistory>(earlier(where, 'createdAt', page.before), { orderBy: [['updatedAt', 'desc']], limit: page.limit, fields: { _id: 1, unitName: 1, orgName: 1, kind: 1, date: 1, history: 1 } }),
    /** Plans matching that have a history (created before `before`), last changed first. */
    planHistories: (where: object, page: TrailPage): Promise<PlanHistory[]> =>
      plans.find<PlanHistory>(earlier(_.and([where, { 'history.0': _.exists(true) }]), 'createdAt', page.before), { orderBy: [['updatedAt', 'desc']], limit: page.limit, fields: { _id: 1, subjectName: 1, year: 1, history: 1 } }),
  };
}
