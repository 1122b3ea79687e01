import { adoptDistrictRulesInput } from '../../../src/contract/points';
import type { RuleScope, RuleSet } from '../../../src/domain/points/rules';
import { ruleSources, sourceOn, timelineFor, versionOn } from '../../../src/domain/points/versions';
import { pointsDistrictRepository } from '../../repositories/pointsDistrict';
import { defineAction } from '../../runtime/defineAction';
import { fail } from '../../runtime/failure';
import { loadYearConfig } from '../../services/points/yearConfig';
import { addVersion, canEditScope, refuseInvalidVersion } from './rules';

/**
 * points.adoptDistrictRules — a street stops using its own rule set and follows the district's again
 * from a date (today or later): records dated earlier keep the street's version, records from that
 * day take the district's version then in force, and its later ones. Saved as the street's next
 * version with `followsDistrict`, through the same checks as any version; only a street office of
 * that street may (the policy's `points.editRules`).
 */
export const adoptDistrictRules = defineAction({
  name: 'points.adoptDistrictRules',
  input: adoptDistrictRulesInput,
  access: ['streetOffice', 'districtOffice'],
  async run({ db, caller, now }, input) {
    const scope: RuleScope = { kind: 'street', streetId: input.streetId };
    if (!canEditScope(caller, scope)) {
      fail('FORBIDDEN', `person ${caller.personId} may not adopt the district's rules for ${input.streetId}`, { userMessage: '只能由本街道党群共建办改为采用区的积分规则' });
    }
    if (!(await pointsDistrictRepository(db).street(input.streetId))) fail('NOT_FOUND', `street ${input.streetId} not found`, { field: 'streetId', userMessage: '街道不存在' });
    const config = await loadYearConfig(db, input.year);
    // Its rules are not used; they record the district's version it adopts on the day, and pass the checks of any version.
    const adopted = versionOn(timelineFor(input.year, config.ruleSets, null), input.effectiveFrom);
    const candidate: Omit<RuleSet, 'version'> = {
      year: input.year,
      effectiveFrom: input.effectiveFrom,
      scope,
      rules: adopted.rules,
      yearCap: adopted.yearCap,
      lateAfterDays: adopted.lateAfterDays,
      followsDistrict: true,
      ...(input.note ? { note: input.note } : {}),
    };
    refuseInvalidVersion(config, now, candidate);
    const streetTimeline = timelineFor(input.year, config.ruleSets, input.streetId);
    const streetSets = config.ruleSets.filter((set) => set.scope.kind === 'street' && set.scope.streetId === input.streetId);
    const following = sourceOn(ruleSources(streetTimeline, streetSets), input.effectiveFrom).source === 'district';
    if (following) {
      fail('INVALID_INPUT', `street ${input.streetId} already follows the district on ${input.effectiveFrom}`, { field: 'effectiveFrom', userMessage: `${input.effectiveFrom}起本街道已采用区的积分规则，无需再改` });
    }
    return { ruleSet: await addVersion({ db, caller, now }, config, candidate) };
  },
});
