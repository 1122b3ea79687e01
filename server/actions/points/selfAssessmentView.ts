import { policy } from '../../../src/domain/access/policy';
import type { SelfAssessmentView } from '../../../src/contract/points';
import type { SelfAssessmentClaim } from '../../../src/domain/points/selfAssessment';
import { claimableRules, compareWithComputed } from '../../../src/domain/points/selfAssessment';
import type { RuleTimeline } from '../../../src/domain/points/versions';
import type { SelfAssessmentDocument } from '../../db/pointsDocuments';
import { allows } from '../../runtime/access';
import type { Caller } from '../../runtime/context';
import type { UnitResult } from '../../services/points/scopedPoints';
import type { YearConfig } from '../../services/points/yearConfig';

/** The unit's head (单位主要负责人) submits its self-assessment. */
export function isHeadOf(caller: Caller, unitId: string): boolean {
  return allows(caller, policy.points.selfAssess, { unitId });
}

/** The unit's self-assessment (自评) beside its computed points, as the head and the offices read it. */
export function selfAssessmentView(result: UnitResult, config: YearConfig, timeline: RuleTimeline, document: SelfAssessmentDocument | undefined, caller: Caller, today: string): SelfAssessmentView {
  const { settings } = config;
  const open = settings.closedAt === null && today <= settings.selfAssessmentDeadline;
  const claim: SelfAssessmentClaim | undefined = document ? { items: document.items, remarks: document.remarks } : undefined;
  return {
    year: config.year,
    unitId: result.unit._id,
    unitName: result.unit.name,
    deadline: settings.selfAssessmentDeadline,
    open,
    canSubmit: open && isHeadOf(caller, result.unit._id),
    claimable: claimableRules(timeline).map((rule) => ({ ...rule, min: Number.isFinite(rule.min) ? rule.min : null })),
    computed: { byRule: result.points.totals.byRule, total: result.points.totals.total },
    submitted: document
      ? { items: document.items, remarks: document.remarks, submittedAt: new Date(document.submittedAt).toISOString(), submittedBy: document.submittedBy }
      : null,
    comparison: claim ? compareWithComputed(claim, result.points, timeline) : null,
  };
}
