import { savePlanInput } from '../../../src/contract/plans';
import { planTransition } from '../../../src/domain/admin/workPlans';
import type { WorkPlanDocument } from '../../db/adminDocuments';
import { planIdOf, plansRepository } from '../../repositories/plans';
import { defineAction } from '../../runtime/defineAction';
import { fail } from '../../runtime/failure';
import { requireAttachable } from '../../services/files/attachable';
import { deadlineOf } from './deadlineOf';
import { requireWriter } from './planPermissions';
import { subjectOrFail } from './planSubjects';
import { requirePlanYear } from './planYear';
import { toPlanView } from './toPlanView';

/** plans.save — write the plan (text and attachments) as a draft, or correct one returned for changes. */
export const savePlan = defineAction({
  name: 'plans.save',
  input: savePlanInput,
  access: 'person',
  async run({ db, caller, now }, input) {
    requirePlanYear(input.year, now);
    const subject = await subjectOrFail(db, input.subjectType, input.subjectId);
    requireWriter(caller, subject);
    const plans = plansRepository(db);
    const id = planIdOf(input.year, subject.subjectType, subject.subjectId);
    const existing = await plans.byId(id);
    const allowed = planTransition(existing?.state ?? null, 'save');
    if (!allowed.ok) fail('CONFLICT', `plan ${id} is ${existing?.state}`, { userMessage: allowed.reason });
    await requireAttachable(db, caller, { kind: 'plan', id }, input.attachments, existing?.attachments ?? []);
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
      await plans.add(plan);
      return { plan: toPlanView(plan, deadline, now) };
    }
    const changes = { text: input.text, attachments: input.attachments, authorId: caller.personId, authorName: caller.name, updatedAt: now };
    if (!(await plans.saveDraft(existing, changes))) fail('CONFLICT', `plan ${id} changed while saving`);
    return { plan: toPlanView({ ...existing, ...changes }, deadline, now) };
  },
});
