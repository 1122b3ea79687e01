import { officeUnitsPageInput } from '../../../src/contract/points';
import { streetTotals } from '../../../src/domain/assessment/totals';
import { defineAction } from '../../runtime/defineAction';
import { pageOf } from '../../runtime/paging';
import { officeYear, ruleColumns } from './officeYear';

/**
 * points.table — the points table (积分表) of the office's scope: one page of its units (a district has
 * a thousand: the whole table would exceed what a page may render) and the streets' totals over all of them.
 */
export const table = defineAction({
  name: 'points.table',
  input: officeUnitsPageInput,
  access: ['streetOffice', 'districtOffice'],
  async run({ db, caller, now }, input) {
    const office = await officeYear(db, caller, input, now);
    const { rows, page } = pageOf(office.rows, input);
    return {
      year: office.year,
      scopeName: office.scopeName,
      rankingsOn: office.rankingsOn,
      ruleColumns: ruleColumns(office.scoped, office.rows, now),
      rows,
      page,
      streets: streetTotals(office.rows, office.streets.map((street) => ({ id: street._id, name: street.name }))),
    };
  },
});
