import { aggregateAll, Collection } from '../db/collection';
import type { AuditDocument, WorkPlanDocument } from '../db/adminDocuments';
import type { OrgDocument, RecordDocument } from '../db/documents';
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
     * In one request, the newest of the person's entries about this org with one of these actions,
     * and the org as it is now (undefined when gone); undefined when there is no such entry.
     */
    newestAboutOrg: async (personId: string, orgId: string, actions: readonly string[]): Promise<{ entry: AuditDocument; org: OrgDocument | undefined } | undefined> => {
      const chain = trail.aggregate().match({ personId, orgId, action: _.in([...actions]) }).sort({ at: -1 }).limit(1).lookup({ from: 'orgs', localField: 'orgId', foreignField: '_id', as: 'orgFound' });
      const [row] = await aggregateAll<AuditDocument & { orgFound: OrgDocument[] }>(chain);
      if (!row) return undefined;
      const { orgFound, ...entry } = row;
      return { entry, org: orgFound[0] };
    },
    /** Records matching (created before `before`), last changed first, with their histories. */
    recordHistories: (where: object, page: TrailPage): Promise<RecordHistory[]> =>
      records.find<RecordHistory>(earlier(where, 'createdAt', page.before), { orderBy: [['updatedAt', 'desc']], limit: page.limit, fields: { _id: 1, unitName: 1, orgName: 1, kind: 1, date: 1, history: 1 } }),
    /** Plans matching that have a history (created before `before`), last changed first. */
    planHistories: (where: object, page: TrailPage): Promise<PlanHistory[]> =>
      plans.find<PlanHistory>(earlier(_.and([where, { 'history.0': _.exists(true) }]), 'createdAt', page.before), { orderBy: [['updatedAt', 'desc']], limit: page.limit, fields: { _id: 1, subjectName: 1, year: 1, history: 1 } }),
  };
}
