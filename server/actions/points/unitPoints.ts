import { unitPointsInput } from '../../../src/contract/points';
import { canSeeUnitPoints } from '../../../src/domain/access/policy';
import { timelineFor } from '../../../src/domain/points/versions';
import { chinaDateString } from '../../../src/domain/time/chinaTime';
import { yearOf } from '../../../src/domain/time/periods';
import { subjectOfCaller } from '../../runtime/access';
import { defineAction } from '../../runtime/defineAction';
import { ruleStreetOf } from '../../services/points/scopedPoints';
import { selfAssessmentView } from './selfAssessmentView';
import { unitPointsView } from './unitPointsView';
import { visibleUnitYear } from './unitYear';

/**
 * points.unit — a unit's points for the year: every line explained (which record, which rule of which
 * version, which cap), the records waiting apart, and the cadence calendar; with `withSelfAssessment`,
 * the unit's self-assessment beside it, read in the same request. The unit's own people see it; so
 * do the offices over its pairings.
 */
export const unitPoints = defineAction({
  name: 'points.unit',
  input: unitPointsInput,
  access: 'person',
  async run({ db, caller, now }, input) {
    const year = input.year ?? yearOf(now).year;
    const withSelfAssessment = input.withSelfAssessment === true;
    const { config, result, details, tags, selfAssessment } = await visibleUnitYear(db, caller, input.unitId, year, now, { withSelfAssessment });
    const timeline = timelineFor(year, config.ruleSets, ruleStreetOf(result.unit, result.pairings));
    const ownUnits = caller.grants.filter((grant) => grant.role === 'unitStaff' || grant.role === 'unitHead').map((grant) => ({ id: grant.scopeId, name: grant.scopeName }));
    const view = unitPointsView(result, {
      details,
      tags,
      timeline,
      units: [...new Map(ownUnits.map((unit) => [unit.id, unit])).values()],
      // Tagging is open to whoever sees the unit's points (its people, the offices over its pairings) until the year closes.
      canTag: canSeeUnitPoints(subjectOfCaller(caller), result.unit._id, result.pairings) && config.settings.closedAt === null,
    });
    return withSelfAssessment ? { ...view, selfAssessment: selfAssessmentView(result, config, timeline, selfAssessment, caller, chinaDateString(now)) } : view;
  },
});
