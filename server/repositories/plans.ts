import type { PlanState, PlanSubject } from '../../src/domain/admin/workPlans';
import type { PlanHistoryEntry, PlanReview, PlanSettingsDocument, WorkPlanDocument } from '../db/adminDocuments';
import { Collection } from '../db/collection';
import type { Tx } from '../db/transaction';
import { withoutId } from '../db/transaction';
import type { CloudDatabase } from '../runtime/cloud';

/** A plan's id: one per subject and year. */
export function planIdOf(year: number, subjectType: PlanSubject, subjectId: string): string {
  return `plan-${year}-${subjectType}-${subjectId}`;
}

/** The year a plan's id names (undefined when it is not a plan's id). */
export function planYearOfId(planId: string): number | undefined {
  const year = /^plan-(\d{4})-/.exec(planId)?.[1];
  return year === undefined ? undefined : Number(year);
}

/** The id of the year's deadline setting. */
export const planSettingsIdOf = (year: number) => `deadline-${year}`;
const settingsIdOf = planSettingsIdOf;

export type DraftChanges = Pick<WorkPlanDocument, 'text' | 'attachments' | 'authorId' | 'authorName' | 'updatedAt'>;
export type SubmitChanges = Pick<WorkPlanDocument, 'state' | 'submittedAt' | 'firstSubmittedAt' | 'deadlineAtSubmission' | 'updatedAt'>;
/** The plan as it was read before a step: the step is written only if it is still so. */
export type PlanAsRead = Pick<WorkPlanDocument, '_id' | 'state' | 'updatedAt'>;

/** 工作方案 and street arrangements, and each year's deadline. */
export function plansRepository(db: CloudDatabase) {
  const plans = new Collection<WorkPlanDocument>(db, 'workPlans');
  const settings = new Collection<PlanSettingsDocument>(db, 'planSettings');
  const _ = db.command;
  /**
   * Moves the plan on one step (提交、通过、退回) and adds the step to its history, in one conditional
   * write: only if the plan is still as read (its state and its last change), so that two people at
   * once cannot both move it, and the step is never written without its history entry.
   */
  const step = async (read: PlanAsRead, changes: object, entry: PlanHistoryEntry): Promise<boolean> =>
    (await plans.updateWhere({ _id: read._id, state: read.state, updatedAt: read.updatedAt }, { ...changes, history: _.push(entry) })) === 1;
  return {
    byId: (planId: string): Promise<WorkPlanDocument | undefined> => plans.byId(planId),
    /** How many plans match (the office workbench's 待审阅). */
    count: (where: object): Promise<number> => plans.count(where),
    /** The year's plans of units (or of streets). */
    ofYear: (year: number, subjectType: PlanSubject): Promise<WorkPlanDocument[]> => plans.findEvery({ year, subjectType }, { orderBy: [['_id', 'asc']] }),
    /** Which subjects handed in the year's plan (submitted or accepted). */
    handedIn: (year: number): Promise<Array<Pick<WorkPlanDocument, '_id' | 'subjectType' | 'subjectId'>>> =>
      plans.findEvery({ year, state: _.in(['submitted', 'accepted'] satisfies PlanState[]) }, { orderBy: [['_id', 'asc']], fields: { _id: 1, subjectType: 1, subjectId: 1 } }),
    add: async (plan: WorkPlanDocument): Promise<void> => {
      await plans.insert(plan);
    },
    /** Saves a draft over `existing` only if nobody changed it meanwhile; answers whether it did. */
    saveDraft: async (existing: Pick<WorkPlanDocument, '_id' | 'state' | 'updatedAt'>, changes: DraftChanges): Promise<boolean> =>
      (await plans.updateWhere({ _id: existing._id, state: existing.state, updatedAt: existing.updatedAt }, { ...changes, attachments: _.set(changes.attachments) })) === 1,
    /** The deadline the district office set for the year, if it did. */
    settingsOf: (year: number): Promise<PlanSettingsDocument | undefined> => settings.byId(settingsIdOf(year)),
    /** Submits the plan and adds the step to its history in one write (see `step`); answers whether it did. */
    submit: (read: PlanAsRead, changes: SubmitChanges, entry: PlanHistoryEntry): Promise<boolean> => step(read, changes, entry),
    /** Records the office's review (state, the review, the history entry) in one write; answers whether it did. */
    review: (read: PlanAsRead, next: PlanState, review: PlanReview, entry: PlanHistoryEntry): Promise<boolean> => step(read, { state: next, reviews: _.push(review), updatedAt: entry.at }, entry),
    inTx: (tx: Tx) => ({
      setDeadline: async (year: number, deadline: Omit<PlanSettingsDocument, '_id' | 'year'>): Promise<PlanSettingsDocument> => {
        const document: PlanSettingsDocument = { _id: settingsIdOf(year), year, ...deadline };
        await tx.collection('planSettings').doc(document._id).set({ data: withoutId(document) });
        return document;
      },
    }),
  };
}
