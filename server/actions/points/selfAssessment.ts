import { selfAssessmentInput, submitSelfAssessmentInput } from '../../../src/contract/points';
import type { SelfAssessmentClaim } from '../../../src/domain/points/selfAssessment';
import { selfAssessmentProblems } from '../../../src/domain/points/selfAssessment';
import { timelineFor } from '../../../src/domain/points/versions';
import { chinaDateString } from '../../../src/domain/time/chinaTime';
import { yearOf } from '../../../src/domain/time/periods';
import type { SelfAssessmentDocument } from '../../db/pointsDocuments';
import { assessmentRepository } from '../../repositories/assessment';
import { selfAssessmentIdOf } from '../../repositories/pointsUnitYear';
import { defineAction } from '../../runtime/defineAction';
import { fail } from '../../runtime/failure';
import { ruleStreetOf } from '../../services/points/scopedPoints';
import { isHeadOf, selfAssessmentView } from './selfAssessmentView';
import { visibleUnitYear } from './unitYear';

const documentId = selfAssessmentIdOf;

/** points.selfAssessment — the unit's claim beside the computed points and the differences (unit side and offices). */
export const selfAssessment = defineAction({
  name: 'points.selfAssessment',
  input: selfAssessmentInput,
  access: 'person',
  async run({ db, caller, now }, input) {
    const year = input.year ?? yearOf(now).year;
    const { config, result, selfAssessment: document } = await visibleUnitYear(db, caller, input.unitId, year, now, { withSelfAssessment: true });
    const timeline = timelineFor(year, config.ruleSets, ruleStreetOf(result.unit, result.pairings));
    return selfAssessmentView(result, config, timeline, document, caller, chinaDateString(now));
  },
});

/**
 * points.submitSelfAssessment — the unit head submits the unit's claimed points with remarks, by the
 * deadline; a resubmission before the deadline replaces the earlier one. Claims outside the rules are
 * refused and nothing is written.
 */
export const submitSelfAssessment = defineAction({
  name: 'points.submitSelfAssessment',
  input: submitSelfAssessmentInput,
  access: ['unitHead'],
  async run({ db, caller, now }, input) {
    if (!isHeadOf(caller, input.unitId)) fail('FORBIDDEN', `person ${caller.personId} is not head of ${input.unitId}`, { userMessage: '只有本单位主要负责人才能提交自评' });
    const { config, result, selfAssessment: previous } = await visibleUnitYear(db, caller, input.unitId, input.year, now, { withSelfAssessment: true });
    const timeline = timelineFor(input.year, config.ruleSets, ruleStreetOf(result.unit, result.pairings));
    const claim: SelfAssessmentClaim = { items: input.items.map((item) => ({ ruleKey: item.ruleKey, claimed: item.claimed, ...(item.remark ? { remark: item.remark } : {}) })), remarks: input.remarks };
    const today = chinaDateString(now);
    const problems = selfAssessmentProblems(claim, timeline, { deadline: config.settings.selfAssessmentDeadline, yearClosed: config.settings.closedAt !== null, today });
    const first = problems[0];
    if (first) fail(first.field === 'deadline' ? 'EXPIRED' : first.field === 'year' ? 'CONFLICT' : 'INVALID_INPUT', `self-assessment refused: ${first.field}`, { field: first.field, userMessage: first.message });
    const id = documentId(input.unitId, input.year);
    const document: SelfAssessmentDocument = {
      _id: id,
      unitId: input.unitId,
      unitStreetId: result.unit.streetId,
      year: input.year,
      items: claim.items,
      remarks: claim.remarks,
      submittedById: caller.personId,
      submittedBy: caller.name,
      submittedAt: now,
      revisions: (previous?.revisions ?? 0) + 1,
    };
    await assessmentRepository(db).saveSelfAssessment(document);
    return selfAssessmentView(result, config, timeline, document, caller, today);
  },
});
