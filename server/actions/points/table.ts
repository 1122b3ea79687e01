import { officeScopeInput } from '../../../src/contract/points';
import { streetTotals } from '../../../src/domain/assessment/totals';
import { cadenceByMonth, evaluationResults, pointsByArea } from '../../../src/domain/points/dashboard';
import { defineAction } from '../../runtime/defineAction';
import { officeYear, ruleColumns } from './office';

const offices = ['streetOffice', 'districtOffice'] as const;

/** points.table — the points table (积分表) of every unit in the office's scope, and the streets' totals. */
export const table = defineAction({
  name: 'points.table',
  input: officeScopeInput,
  access: offices,
  async run({ db, caller, now }, input) {
    const office = await officeYear(db, caller, input, now);
    const streets = office.scope.kind === 'district' ? office.scoped.streets : office.scoped.streets.filter((street) => office.scope.kind === 'street' && office.scope.streetIds.includes(street._id));
    return {
      year: office.year,
      scopeName: office.scopeName,
      rankingsOn: office.rankingsOn,
      ruleColumns: ruleColumns(office.scoped, office.rows, now),
      rows: office.rows,
      streets: streetTotals(office.rows, streets.map((street) => ({ id: street._id, name: street.name }))),
    };
  },
});

/** points.dashboard — cadence completion by month, points by content area, evaluation results; a street office sees its street only. */
export const dashboard = defineAction({
  name: 'points.dashboard',
  input: officeScopeInput,
  access: offices,
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
