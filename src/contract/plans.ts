import { z } from 'zod';
import type { PlanDecision, PlanState, PlanSubject, PlanTiming } from '../domain/admin/workPlans';
import { planDecisions, planSubjects, planTimingOrder } from '../domain/admin/workPlans';
import type { ListPage } from './fields';
import { chinaDateField, idField, listPageFields, optionalTextField, textField } from './fields';

/** 工作方案: units' plans for the year and streets' arrangements, due by the district's deadline. */

const yearField = z.number({ error: '年度须为数字' }).int().min(2000, '年度不正确').max(2100, '年度不正确');
const subjectFields = { subjectType: z.enum(planSubjects), subjectId: idField, year: yearField };
const attachmentsField = z.array(z.object({ fileId: z.string().min(1).max(500), name: textField('附件名称', 100) })).max(9, '附件最多 9 个').default([]);

/** plans.mine — the plans the caller writes (their units; their street's arrangement), with the deadline. */
export const minePlansInput = z.object({ year: yearField.optional() });
/** plans.save — write or edit the plan (draft, or returned for changes). */
export const savePlanInput = z.object({ ...subjectFields, text: textField('方案内容', 10_000), attachments: attachmentsField });
/** plans.submit — send it to the office; the first submission decides whether it was on time. */
export const submitPlanInput = z.object(subjectFields);
/**
 * plans.list — an office's overview of every unit (or street) in scope, with or without a plan: one
 * page of them, those to chase first (逾期未交, 逾期提交, 即将截止 …), or only those of one timing.
 */
export const listPlansInput = z.object({
  year: yearField.optional(),
  subjectType: z.enum(planSubjects).default('unit'),
  timing: z.enum(planTimingOrder as [PlanTiming, ...PlanTiming[]]).optional(),
  ...listPageFields,
});
export const planRefInput = z.object({ planId: idField });
/** plans.review — accept, or return with comments. */
export const reviewPlanInput = z
  .object({ planId: idField, decision: z.enum(planDecisions, { error: '请选择通过或退回' }), comment: optionalTextField('意见', 1000) })
  .refine((input) => input.decision === 'accept' || (input.comment ?? '') !== '', { message: '退回时请写明修改意见', path: ['comment'] });
/** plans.setDeadline — the district office sets the year's deadline (default 15 November). */
export const setDeadlineInput = z.object({ year: yearField, deadline: chinaDateField });

export interface PlanReviewView {
  readonly at: string;
  readonly byName: string;
  readonly decision: PlanDecision;
  readonly comment: string;
}

export interface PlanView {
  readonly id: string;
  readonly year: number;
  readonly subjectType: PlanSubject;
  readonly subjectId: string;
  readonly subjectName: string;
  readonly state: PlanState;
  readonly text: string;
  /** `url`: a temporary download link, when the action provides one. */
  readonly attachments: ReadonlyArray<{ readonly fileId: string; readonly name: string; readonly url?: string }>;
  readonly deadline: string;
  readonly timing: PlanTiming;
  readonly firstSubmittedAt: string | null;
  readonly submittedAt: string | null;
  readonly authorName: string;
  readonly reviews: readonly PlanReviewView[];
}

/** One subject's line in a list: its plan, or none yet. */
export interface PlanSlot {
  readonly subjectType: PlanSubject;
  readonly subjectId: string;
  readonly subjectName: string;
  readonly streetId: string;
  readonly plan: PlanView | null;
  readonly timing: PlanTiming;
}

export interface MinePlansView {
  readonly year: number;
  readonly deadline: string;
  readonly slots: readonly PlanSlot[];
  /** The 工作提醒 subscription template to ask for in weapp (reminders before the deadline). */
  readonly reminderTemplateId: string;
}

export interface PlanListView {
  readonly year: number;
  readonly deadline: string;
  /** One page of the slots (of the timing asked for), those to chase first. */
  readonly slots: readonly PlanSlot[];
  /** Where `slots` sit among the slots listed (`page.total`: of the timing asked for, or all). */
  readonly page: ListPage;
  /** Every slot in scope by timing, whatever the page or the timing asked for. */
  readonly counts: Readonly<Record<PlanTiming, number>>;
  readonly canSetDeadline: boolean;
}
