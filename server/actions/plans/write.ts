import { minePlansInput, savePlanInput, submitPlanInput } from '../../../src/contract/plans';
import { adminScopeOf } from '../../../src/domain/admin/adminScope';
import { planTransition } from '../../../src/domain/admin/workPlans';
import { yearOf } from '../../../src/domain/time/periods';
import type { WorkPlanDocument } from '../../db/adminDocuments';
import { getById, insert, updateWhere } from '../../db/ops';
import type { Caller } from '../../runtime/context';
import { defineAction } from '../../runtime/defineAction';
import { fail } from '../../runtime/failure';
import { auditEntry } from '../admin/auditLog';
import { inTransaction, TxRefusal } from '../admin/transaction';
import { deadlineOf } from './deadline';
import type { PlanSubjectRef } from './subjects';
import { allStreetSubjects, canWrite, slotOf, subjectOf } from './subjects';
import { planReminderTemplate } from './templates';
import { planId, planView, withLinks } from './views';

function checkYear(year: number, now: Date): void {
  const thisYear = yearOf(now).year;
  if (year < thisYear || year > thisYear + 1) fail('INVALID_INPUT', `plan year ${year}`, { field: 'year', userMessage: `只能编写 ${thisYear}–${thisYear + 1} 年度的方案` });
}

function refuseWriter(caller: Caller, subject: PlanSubjectRef): never {
  fail('FORBIDDEN', `person ${caller.personId} may not write the plan of ${subject.subjectType} ${subject.subjectId}`, {
    userMessage: subject.subjectType === 'unit' ? '只有本单位的人员可以编写本单位的工作方案' : '只有本街道党群共建办可以提交街道的结对工作安排',
  });
}

/** plans.mine — the plans the caller writes: each of their units' plan, and their street's arrangement. */
export const minePlans = defineAction({
  name: 'plans.mine',
  input: minePlansInput,
  access: 'person',
  async run({ db, cloud, caller, now }, input) {
    const scope = adminScopeOf(caller.grants);
    const year = input.year ?? yearOf(now).year;
    const deadline = await deadlineOf(db, year);
    const unitSubjects = await Promise.all([...new Set(scope.unitIds)].map((unitId) => subjectOf(db, 'unit', unitId).catch(() => null)));
    const streetSubjects = scope.streetIds.length === 0 ? [] : (await allStreetSubjects(db)).filter((street) => scope.streetIds.includes(street.subjectId));
    const subjects = [...unitSubjects.filter((subject): subject is PlanSubjectRef => subject !== null), ...streetSubjects];
    const slots = await Promise.all(
      subjects.map(async (subject) => {
        const slot = slotOf(subject, await getById<WorkPlanDocument>(db.collection('workPlans'), planId(year, subject.subjectType, subject.subjectId)), deadline, now);
        return slot.plan ? { ...slot, plan: await withLinks(cloud, slot.plan) } : slot;
      }),
    );
    return { year, deadline, slots, reminderTemplateId: planReminderTemplate.id };
  },
});

/** plans.save — write the plan (text and attachments) as a draft, or correct one returned for changes. */
export const savePlan = defineAction({
  name: 'plans.save',
  input: savePlanInput,
  access: 'person',
  async run({ db, caller, now }, input) {
    checkYear(input.year, now);
    const subject = await subjectOf(db, input.subjectType, input.subjectId);
    if (!canWrite(adminScopeOf(caller.grants), subject)) refuseWriter(caller, subject);
    const id = planId(input.year, subject.subjectType, subject.subjectId);
    const existing = await getById<WorkPlanDocument>(db.collection('workPlans'), id);
    const allowed = planTransition(existing?.state ?? null, 'save');
    if (!allowed.ok) fail('CONFLICT', `plan ${id} is ${existing?.state}`, { userMessage: allowed.reason });
    const deadline = await deadlineOf(db, input.year);
    if (!existing) {
      const plan: WorkPlanDocument = {
        _id: id,
        year: input.year,
        ...subject,
        state: 'draft',
        text: input.text,
        attachments: input.attachments,
        authorId: caller.personId,
        authorName: caller.name,
        firstSubmittedAt: null,
        submittedAt: null,
        deadlineAtSubmission: null,
        reviews: [],
        createdAt: now,
        updatedAt: now,
      };
      await insert(db.collection('workPlans'), plan);
      return { plan: planView(plan, deadline, now) };
    }
    const changed = await updateWhere(db.collection('workPlans').where({ _id: id, state: existing.state, updatedAt: existing.updatedAt }), {
      text: input.text,
      attachments: db.command.set(input.attachments),
      authorId: caller.personId,
      authorName: caller.name,
      updatedAt: now,
    });
    if (changed !== 1) fail('CONFLICT', `plan ${id} changed while saving`);
    return { plan: planView({ ...existing, text: input.text, attachments: input.attachments, authorId: caller.personId, authorName: caller.name, updatedAt: now }, deadline, now) };
  },
});

/** plans.submit — send the saved plan to the office; the first submission decides whether it was on time. */
export const submitPlan = defineAction({
  name: 'plans.submit',
  input: submitPlanInput,
  access: 'person',
  async run({ db, caller, now }, input) {
    const subject = await subjectOf(db, input.subjectType, input.subjectId);
    if (!canWrite(adminScopeOf(caller.grants), subject)) refuseWriter(caller, subject);
    const id = planId(input.year, subject.subjectType, subject.subjectId);
    const existing = await getById<WorkPlanDocument>(db.collection('workPlans'), id);
    if (!existing) fail('NOT_FOUND', `plan ${id} not saved yet`, { userMessage: '请先填写并保存方案内容' });
    const deadline = await deadlineOf(db, input.year);
    let submitted: WorkPlanDocument | undefined;
    try {
      await inTransaction(db, async (tx) => {
        const stored = (await tx.collection('workPlans').doc(id).get()).data as WorkPlanDocument;
        const move = planTransition(stored.state, 'submit');
        if (!move.ok) throw new TxRefusal(move.reason);
        const changes = { state: move.next, submittedAt: now, firstSubmittedAt: stored.firstSubmittedAt ?? now, deadlineAtSubmission: stored.deadlineAtSubmission ?? deadline, updatedAt: now };
        await tx.collection('workPlans').doc(id).update({ data: changes });
        await tx.collection('auditTrail').add({
          data: auditEntry(caller, now, {
            action: 'plan.submit',
            subjectType: 'plan',
            subjectId: id,
            subjectName: `${subject.subjectName} ${input.year} 年度方案`,
            unitId: subject.subjectType === 'unit' ? subject.subjectId : null,
            orgId: null,
            personId: null,
            streetIds: [subject.streetId],
            changes: [{ field: '状态', before: stored.state, after: 'submitted' }],
            note: stored.firstSubmittedAt ? '修改后再次提交' : '',
          }),
        });
        submitted = { ...stored, ...changes };
      });
    } catch (error) {
      if (error instanceof TxRefusal) fail('ALREADY_DONE', `plan ${id} not submittable: ${error.reason}`, { userMessage: error.reason });
      throw error;
    }
    return { plan: planView(submitted!, deadline, now) };
  },
});
