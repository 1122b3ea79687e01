import { recordChecksInput } from '../../../src/contract/adminChecks';
import { LIST_PAGE_SIZE } from '../../../src/contract/fields';
import { policy } from '../../../src/domain/access/policy';
import { yearOf } from '../../../src/domain/time/periods';
import { adminRecordChecksRepository } from '../../repositories/adminRecordChecks';
import { accessWhere } from '../../runtime/access';
import type { CloudDatabase } from '../../runtime/cloud';
import type { Caller } from '../../runtime/context';
import { defineAction } from '../../runtime/defineAction';
import { officeRoles, requireOffice } from './refusals';

/**
 * The records an office is to check: this year's records it may read (`record.view`) that carry a
 * review flag and were handed in (drafts are the unit's own until submitted). The workbench's count
 * and the list are this one condition. There is no "reviewed" mark yet: a flagged record stays here.
 */
export function recordChecksWhere(db: CloudDatabase, caller: Caller, year: number): object | null {
  return accessWhere(db, caller, policy.record.view, { year, flagged: true, state: db.command.neq('draft') });
}

/** admin.recordChecks — 待核查的记录: the office's flagged records of the year, newest first, a page at a time. */
export const recordChecks = defineAction({
  name: 'admin.recordChecks',
  input: recordChecksInput,
  access: officeRoles,
  async run({ db, caller, now }, input) {
    requireOffice(caller, 'list records to check');
    const year = yearOf(now).year;
    const offset = input.offset ?? 0;
    const limit = input.limit ?? LIST_PAGE_SIZE;
    const where = recordChecksWhere(db, caller, year);
    if (!where) return { year, items: [], page: { offset, limit, total: 0 } };
    const repository = adminRecordChecksRepository(db);
    const [total, rows] = await Promise.all([repository.count(where), repository.page(where, offset, limit)]);
    const items = rows.map((row) => ({ id: row._id, kind: row.kind, date: row.date, state: row.state, unitName: row.unitName, orgName: row.orgName, flags: row.checkIn?.flags ?? [] }));
    return { year, items, page: { offset, limit, total } };
  },
});
