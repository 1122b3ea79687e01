import { officeScopeInput } from '../../../src/contract/points';
import { cadenceByMonth, evaluationResults, pointsByArea } from '../../../src/domain/points/dashboard';
import { defineAction } from '../../runtime/defineAction';
import { officeYear } from './officeYear';

/** points.dashboard — cadence completion by month, points by content area, evaluation results; a street office sees its street only. */
export const dashboard = defineAction({
  name: 'points.dashboard',
  input: officeScopeInput,
  access: ['streetOffice', 'districtOffice'],
  async run({ db, caller, now }, input) {
    const office = await officeYear(db, caller, input, now);
    const units = office.scoped.results.map((result) => result.points);
    return {
      year: office.year,
      scopeName: office.scopeName,
      units: units.length,
      months: cadenceByMonth(units),
      areas: pointsByArea(units),
      evaluations: evaluationResults(units),
    };
  },
});
