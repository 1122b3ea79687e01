import { savePlanInput } from '../../../src/contract/plans';
import { planTransition } from '../../../src/domain/admin/workPlans';
import type { WorkPlanDocument } from '../../db/adminDocuments';
import { planIdOf, plansRepository } from '../../repositories/plans';
import { plansSavingRepository } from '../../repositories/plansSaving';
import { defineAction } from '../../runtime/defineAction';
import { fail } from '../../runtime/failure';
import { requireAttachable } from '../../services/files/attachable';
import { deadlineIn } from './deadlineOf';
import { requireWriter } from './planPermissions';
import { subjectMissing } from './planSubjects';
import { requirePlanYear } from './planYear';
import { toPlanView } from './toPlanView';

/**
 * plans.save — write the plan (text and attachments) as a draft, or correct one returned for changes.
 * Three database requests: the caller, the subject with its plan and the deadline, the write.
 */
export const savePlan = defineAction({
  name: 'plans.save',
  input: savePlanInput,
  access: 'person',
  async run({ db, caller, now }, input) {
    requirePlanYear(input.year, now);
    // One request reads the unit or street, its plan and the year's deadline; its files can be held by nothing else (their folder names the plan).
    const found = await plansSavingRepository(db).context(input.subjectType, input.subjectId, input.year);
    if (!found) subjectMissing(input.subjectType, input.subjectId);
    const { subject, existing } = found;
    requireWriter(caller, subject);
    const plans = plansRepository(db);
    const id = planIdOf(input.year, subject.subjectType, subject.subjectId);
    const allowed = planTransition(existing?.state ?? null, 'save');
    if (!allowed.ok) fail('CONFLICT', `plan ${id} is ${existing?.state}`, { userMessage: allowed.reason });
    requireAttachable(caller, { kind: 'plan', id, year: input.year, subjectId: subject.subjectId }, input.attachments, existing?.attachments ?? [], []);
    const deadline = deadlineIn(found.settings, input.year);
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
        history: [],
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
