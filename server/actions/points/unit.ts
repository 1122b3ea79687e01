import { unitPointsInput } from '../../../src/contract/points';
import { isDistrictOffice, isOfficeFor, unitIdsOf } from '../../../src/domain/access/scope';
import { yearOf } from '../../../src/domain/time/periods';
import { defineAction } from '../../runtime/defineAction';
import { ruleStreetOf } from './compute';
import { timelineFor } from '../../../src/domain/points/versions';
import { visibleUnitYear } from './unitYear';
import { unitPointsView } from './views';

/**
 * points.unit — a unit's points for the year: every line explained (which record, which rule of which
 * version, which cap), the records waiting apart, and the cadence calendar. The unit's own people see
 * it; so do the offices over its pairings.
 */
export const unitPoints = defineAction({
  name: 'points.unit',
  input: unitPointsInput,
  access: 'person',
  async run({ db, caller, now }, input) {
    const year = input.year ?? yearOf(now).year;
    const { config, result, details, tags } = await visibleUnitYear(db, caller, input.unitId, year, now);
    const ownUnits = caller.grants.filter((grant) => grant.role === 'unitStaff' || grant.role === 'unitHead').map((grant) => ({ id: grant.scopeId, name: grant.scopeName }));
    const unitSide = unitIdsOf(caller.grants).includes(result.unit._id);
    const office = isDistrictOffice(caller.grants) || result.pairings.some((pairing) => isOfficeFor(caller.grants, pairing));
    return unitPointsView(result, {
      details,
      tags,
      timeline: timelineFor(year, config.ruleSets, ruleStreetOf(result.unit, result.pairings)),
      units: [...new Map(ownUnits.map((unit) => [unit.id, unit])).values()],
      canTag: (unitSide || office) && config.settings.closedAt === null,
    });
  },
});
