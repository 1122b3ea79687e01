import { recordChecksInput } from '../../../src/contract/adminChecks';
import { LIST_PAGE_SIZE } from '../../../src/contract/fields';
import { yearOf } from '../../../src/domain/time/periods';
import { recordChecksOf, toRecordCheckView } from '../../services/records/recordChecks';
import { defineAction } from '../../runtime/defineAction';
import { officeRoles, requireOffice } from './refusals';

/** admin.recordChecks — 待核查的记录 (or, with `reviewed`, 已核查): the office's flagged records of the year, newest first, a page at a time. */
export const recordChecks = defineAction({
  name: 'admin.recordChecks',
  input: recordChecksInput,
  access: officeRoles,
  async run({ db, caller, now }, input) {
    requireOffice(caller, 'list records to check');
    const year = yearOf(now).year;
    const offset = input.offset ?? 0;
    const limit = input.limit ?? LIST_PAGE_SIZE;
    const checks = await recordChecksOf(db, caller, year);
    const list = input.reviewed ? checks.reviewed : checks.pending;
    return { year, items: list.slice(offset, offset + limit).map(toRecordCheckView), page: { offset, limit, total: list.length } };
  },
});
