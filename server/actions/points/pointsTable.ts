import { officeScopeInput } from '../../../src/contract/points';
import { streetTotals } from '../../../src/domain/assessment/totals';
import { defineAction } from '../../runtime/defineAction';
import { officeYear, ruleColumns } from './officeYear';

/** points.table — the points table (积分表) of every unit in the office's scope, and the streets' totals. */
export const table = defineAction({
  name: 'points.table',
  input: officeScopeInput,
  access: ['streetOffice', 'districtOffice'],
  async run({ db, caller, now }, input) {
    const office = await officeYear(db, caller, input, now);
    return {
      year: office.year,
      scopeName: office.scopeName,
      rankingsOn: office.rankingsOn,
      ruleColumns: ruleColumns(office.scoped, office.rows, now),
      rows: office.rows,
      streets: streetTotals(office.rows, office.streets.map((street) => ({ id: street._id, name: street.name }))),
    };
  },
});
