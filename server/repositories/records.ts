import type { EditableRecordField } from '../../src/domain/records/history';
import { aggregateAll, Collection } from '../db/collection';
import { expr, pipeline } from '../db/commands';
import type { HistoryEntry, PersonDocument, RecordDocument } from '../db/documents';
import type { CloudDatabase } from '../runtime/cloud';

/** The fields a record list shows (`recordSummary`), and the pairing it belongs to. */
export const summaryProjection = { _id: 1, kind: 1, date: 1, state: 1, revision: 1, content: 1, unitName: 1, orgName: 1, flagged: 1, pairingId: 1 } as const;
export type RecordSummaryRow = Pick<RecordDocument, keyof typeof summaryProjection>;

/** What the unit writes: the fields an edit replaces. */
export type RecordContent = Pick<RecordDocument, EditableRecordField>;

export type ConfirmToken = NonNullable<RecordDocument['confirmToken']>;

/** What a revision or a withdrawal writes so the link it leaves behind still finds the record: nothing for a keyed link. */
export type LeftLink = Pick<RecordDocument, 'legacyLinkId'>;

/** The fields of the records that count towards a pairing's cadence (reminders). */
export type WaitingRow = Pick<RecordDocument, '_id' | 'revision' | 'orgId' | 'unitName' | 'kind' | 'date' | 'submittedAt'>;

/**
 * The record book (积分行动记录本). Every write is conditional on what the action read (state,
 * revision, the link's token), so a concurrent change makes it answer false instead of overwriting.
 */
export function recordsRepository(db: CloudDatabase) {
  const records = new Collection<RecordDocument>(db, 'records');
  const _ = db.command;
  return {
    byId: (id: string): Promise<RecordDocument | undefined> => records.byId(id),

    /** These records in full, in one request (at most 100 ids); those that no longer exist are left out. */
    byIds: (ids: readonly string[]): Promise<RecordDocument[]> => (ids.length === 0 ? Promise.resolve([]) : records.find({ _id: _.in([...ids]) }, { limit: 100 })),

    /** The records whose links start with this key (one, unless two ids share a key): their current and earlier links alike. */
    byLinkKey: (linkKey: string): Promise<RecordDocument[]> => records.find({ linkKey }, { limit: 10 }),

    /** The record with this link made before link keys, current or left behind (`legacyLinkId`). */
    byLegacyLink: (token: string): Promise<RecordDocument | undefined> => records.first(_.or([{ 'confirmToken.id': token }, { legacyLinkId: token }])),

    /**
     * The record with the people holding a grant of its org (one request); the action picks those
     * who may confirm it.
     */
    async withOrgPeople(id: string): Promise<{ record: RecordDocument; people: Pick<PersonDocument, '_id' | 'openid' | 'grants'>[] } | undefined> {
      const [found] = await aggregateAll<RecordDocument & { people: Pick<PersonDocument, '_id' | 'openid' | 'grants'>[] }>(
        records
          .aggregate()
          .match({ _id: id })
          .lookup({
            from: 'people',
            let: { orgId: '$orgId' },
            pipeline: pipeline(db).match(expr(db, _.aggregate.in(['$$orgId', '$grants.scopeId']))).project({ openid: 1, grants: 1 }).done(),
            as: 'people',
          }),
      );
      if (!found) return undefined;
      const { people, ...record } = found;
      return { record, people };
    },

    /** A page of the record book, newest first. */
    page: (where: object, skip: number, limit: number): Promise<RecordSummaryRow[]> =>
      records.find<RecordSummaryRow>(where, { orderBy: [['date', 'desc'], ['_id', 'desc']], skip, limit, fields: summaryProjection }),

    /** Submitted records, the longest waiting first. */
    waitingOldestFirst: (where: object, limit: number): Promise<RecordSummaryRow[]> =>
      records.find<RecordSummaryRow>(where, { orderBy: [['submittedAt', 'asc']], limit, fields: summaryProjection }),

    async insert(record: RecordDocument): Promise<void> {
      await records.insert(record);
    },

    /** Replaces the content of a record still as the action read it (same state, same last change). */
    async saveEdit(existing: RecordDocument, content: RecordContent, flagged: boolean, entry: HistoryEntry, now: Date, evidence: Pick<RecordDocument, 'photoHashes'> = {}): Promise<boolean> {
      const replaced = Object.fromEntries(Object.entries({ ...content, ...evidence }).map(([field, value]) => [field, _.set(value)]));
      const changed = await records.updateWhere({ _id: existing._id, state: existing.state, updatedAt: existing.updatedAt }, { ...replaced, flagged, history: _.push(entry), updatedAt: now });
      return changed === 1;
    },

    /** Submits a draft or a revision at this revision, with a new confirm link (whose token starts with `linkKey`). */
    async submit(id: string, revision: number, token: ConfirmToken, linkKey: string, entry: HistoryEntry, now: Date): Promise<boolean> {
      const changed = await records.updateWhere(
        { _id: id, revision, state: _.in(['draft', 'revised']) },
        { state: 'submitted', submittedAt: now, confirmToken: _.set(token), linkKey, dispute: _.set(null), history: _.push(entry), updatedAt: now },
      );
      return changed === 1;
    },

    /**
     * A new confirm link for a record still submitted at this revision whose link `expiredId` expired
     * unused; the expired one stops being current. False when anything changed since it was read.
     */
    async renewConfirmToken(id: string, revision: number, expiredId: string, token: ConfirmToken, linkKey: string, now: Date): Promise<boolean> {
      const changed = await records.updateWhere(
        { _id: id, revision, state: 'submitted', 'confirmToken.id': expiredId, 'confirmToken.usedAt': null },
        { confirmToken: _.set(token), linkKey, updatedAt: now },
      );
      return changed === 1;
    },

    /**
     * A paper record (补录) confirmed by the office's check of the leader's signature on paper: submitted
     * and confirmed in one write, from a draft or revision still at this revision.
     */
    async confirmOnPaper(id: string, revision: number, confirmed: NonNullable<RecordDocument['confirmed']>, entries: readonly HistoryEntry[], now: Date): Promise<boolean> {
      const changed = await records.updateWhere(
        { _id: id, revision, paper: true, state: _.in(['draft', 'revised']) },
        { state: 'confirmed', submittedAt: now, confirmToken: _.set(null), confirmed: _.set(confirmed), dispute: _.set(null), history: _.push([...entries]), updatedAt: now },
      );
      return changed === 1;
    },

    /**
     * The leader's decision on a record still submitted at this revision; through a link, only while
     * its token is current and unused (the token is then used up).
     */
    async decide(
      record: RecordDocument,
      revision: number,
      decision: { readonly state: 'confirmed' | 'disputed'; readonly outcome: Partial<Pick<RecordDocument, 'confirmed' | 'dispute'>> },
      token: string | undefined,
      entry: HistoryEntry,
      now: Date,
    ): Promise<boolean> {
      const tokenCondition = token !== undefined ? { 'confirmToken.id': token, 'confirmToken.usedAt': null } : {};
      const changed = await records.updateWhere(
        { _id: record._id, revision, state: 'submitted', ...tokenCondition },
        {
          state: decision.state,
          ...Object.fromEntries(Object.entries(decision.outcome).map(([key, value]) => [key, _.set(value)])),
          ...(record.confirmToken ? { 'confirmToken.usedAt': now } : {}),
          history: _.push(entry),
          updatedAt: now,
        },
      );
      return changed === 1;
    },

    /**
     * Confirms, in one write, the records of these ids still waiting at this revision (a leader's
     * 一键确认 of several at once): the same fields as `decide` sets on each; `withLink`: all of them
     * have a confirm link, whose use is then recorded. Answers how many were confirmed; fewer means
     * some changed meanwhile, and the caller reads them again to know which.
     */
    async confirmAll(ids: readonly string[], revision: number, withLink: boolean, confirmed: NonNullable<RecordDocument['confirmed']>, entry: HistoryEntry, now: Date): Promise<number> {
      return records.updateWhere(
        { _id: _.in([...ids]), revision, state: 'submitted' },
        { state: 'confirmed', confirmed: _.set(confirmed), ...(withLink ? { 'confirmToken.usedAt': now } : {}), history: _.push(entry), updatedAt: now },
      );
    },

    /**
     * Withdraws a record still waiting at this revision: back to being edited, its confirm link used up
     * and the version it was for kept (as a revision keeps it), so that link leads to what is sent next.
     * `left` is what keeps that link findable (`leftLink` in supersededLink.ts).
     */
    async withdraw(id: string, revision: number, snapshot: Record<string, unknown>, left: LeftLink, entry: HistoryEntry, now: Date): Promise<boolean> {
      const changed = await records.updateWhere(
        { _id: id, revision, state: 'submitted' },
        { state: 'revised', submittedAt: _.set(null), confirmToken: _.set(null), ...left, previousRevisions: _.push(snapshot), history: _.push(entry), updatedAt: now },
      );
      return changed === 1;
    },

    /** Starts a new revision of a record still as the action read it, keeping a confirmed one's content. */
    async revise(record: RecordDocument, snapshot: Record<string, unknown> | null, left: LeftLink, entry: HistoryEntry, now: Date): Promise<boolean> {
      const changed = await records.updateWhere(
        { _id: record._id, revision: record.revision, state: record.state },
        {
          state: 'revised',
          revision: record.revision + 1,
          confirmToken: _.set(null),
          ...left,
          confirmed: _.set(null),
          ...(snapshot ? { previousRevisions: _.push(snapshot) } : {}),
          history: _.push(entry),
          updatedAt: now,
        },
      );
      return changed === 1;
    },

    /** Records submitted at or before `before` and still waiting for confirmation. */
    waitingSince: (before: Date): Promise<WaitingRow[]> =>
      records.findEvery<WaitingRow>({ state: 'submitted', submittedAt: _.lte(before) }, { orderBy: [['_id', 'asc']], fields: { _id: 1, revision: 1, orgId: 1, unitName: 1, kind: 1, date: 1, submittedAt: 1 } }),
  };
}
