import type { AuditEntry } from '../../src/domain/admin/audit';
import type { FeedbackAuthor, FeedbackCategory, FeedbackState } from '../../src/domain/admin/feedback';
import type { ImportState } from '../../src/domain/admin/importJob';
import type { ImportTotals, PlanOp } from '../../src/domain/admin/importTypes';
import type { TableFileFormat } from '../../src/domain/admin/tableFormat';
import type { PlanDecision, PlanState, PlanStep, PlanSubject } from '../../src/domain/admin/workPlans';
import type { OrgDocument, UnitDocument } from './documents';

/** Shapes of the administration documents (see schema/admin.ts for their collections and indexes). */

/** A unit as administration keeps it: its contact besides the catalogue fields. */
export interface UnitRecord extends UnitDocument {
  readonly contactName?: string;
  readonly contactPhone?: string;
  readonly createdAt?: Date;
}

export interface OrgRecord extends OrgDocument {
  readonly contactName?: string;
  readonly contactPhone?: string;
  readonly createdAt?: Date;
}

/** An entry of the `auditTrail` collection. */
export interface AuditDocument extends AuditEntry {
  readonly _id: string;
}

/** One import of the pairing table: the dry run's result, then the commit's progress. */
export interface ImportJobDocument {
  readonly _id: string;
  readonly state: ImportState;
  readonly createdBy: string;
  readonly createdByName: string;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  /** The office the import was checked for; the commit only runs for the same person. */
  readonly scope: { readonly district: boolean; readonly streetIds: readonly string[] };
  readonly fileId: string;
  readonly fileName: string;
  readonly format: TableFileFormat | null;
  readonly year: number | null;
  readonly totals: ImportTotals | null;
  readonly chunkCount: number;
  /** Chunks applied so far (counts down again while rolling back). */
  readonly applied: number;
  readonly failure: string | null;
  readonly committedAt: Date | null;
}

/** One transaction's worth of an import plan. */
export interface ImportChunkDocument {
  readonly _id: string;
  readonly importId: string;
  readonly index: number;
  readonly ops: readonly PlanOp[];
  readonly audit: ReadonlyArray<AuditEntry & { readonly _id: string }>;
}

export interface PlanReview {
  readonly at: Date;
  readonly byId: string;
  readonly byName: string;
  readonly decision: PlanDecision;
  readonly comment: string;
}

/**
 * One step of a plan's own history (提交、通过、退回): what the audit trail shows of it. A plan carries
 * its history inside it, as a record does, so that a step and its entry are one write.
 */
export interface PlanHistoryEntry {
  readonly at: Date;
  readonly actorId: string;
  readonly actorName: string;
  readonly event: PlanStep;
  /** The state the step left. */
  readonly from: PlanState;
  /** A resubmission's 修改后再次提交, or the office's comment. */
  readonly note: string;
}

/** 工作方案 of a unit, or a street's arrangement, for a year. `_id`: `plan-<year>-<subjectType>-<subjectId>`. */
export interface WorkPlanDocument {
  readonly _id: string;
  readonly year: number;
  readonly subjectType: PlanSubject;
  readonly subjectId: string;
  readonly subjectName: string;
  /** The unit's street, or the street itself: whose office reviews it. */
  readonly streetId: string;
  readonly state: PlanState;
  readonly text: string;
  readonly attachments: ReadonlyArray<{ readonly fileId: string; readonly name: string }>;
  readonly authorId: string;
  readonly authorName: string;
  readonly firstSubmittedAt: Date | null;
  readonly submittedAt: Date | null;
  /** The deadline in force at the first submission (lateness is judged against it). */
  readonly deadlineAtSubmission: string | null;
  readonly reviews: readonly PlanReview[];
  /** Its submissions and reviews; absent on plans last changed before plans kept their history (their steps are audit entries). */
  readonly history?: readonly PlanHistoryEntry[];
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** `_id`: `deadline-<year>`. */
export interface PlanSettingsDocument {
  readonly _id: string;
  readonly year: number;
  readonly deadline: string;
  readonly setBy: string;
  readonly setAt: Date;
}

export interface FeedbackMessage {
  readonly from: FeedbackAuthor;
  readonly text: string;
  readonly at: Date;
  /** The answering office (street or district), never a person. */
  readonly officeName?: string;
  readonly byId?: string;
}

/** 投诉建议. The sender's WeChat identity is kept to show them the answer and notify them; offices never see it. */
export interface FeedbackDocument {
  readonly _id: string;
  readonly category: FeedbackCategory;
  readonly state: FeedbackState;
  readonly anonymous: boolean;
  readonly senderOpenid: string;
  /** null when anonymous or not joined. */
  readonly senderPersonId: string | null;
  readonly senderName: string | null;
  readonly contact: string | null;
  readonly page: string | null;
  /** Streets whose offices may answer (from the sender's units and orgs; never stored when anonymous). */
  readonly streetIds: readonly string[];
  readonly messages: readonly FeedbackMessage[];
  readonly createdAt: Date;
  readonly updatedAt: Date;
}
