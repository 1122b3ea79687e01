import type { RecordCheckView } from '../../../src/contract/adminChecks';
import { recordChecksInput } from '../../../src/contract/adminChecks';
import { LIST_PAGE_SIZE } from '../../../src/contract/fields';
import { policy } from '../../../src/domain/access/policy';
import { yearOf } from '../../../src/domain/time/periods';
import type { RecordCheck, RecordChecks } from '../../repositories/adminRecordChecks';
import { adminRecordChecksRepository } from '../../repositories/adminRecordChecks';
import { accessWhere } from '../../runtime/access';
import type { CloudDatabase } from '../../runtime/cloud';
import type { Caller } from '../../runtime/context';
import { defineAction } from '../../runtime/defineAction';
import { officeRoles, requireOffice } from './refusals';

/**
 * Where the office's records to check are looked for: this year's handed-in records it may read
 * (`record.view`; drafts are the unit's own until submitted). Which of them wait for a check is judged
 * by the pure rules over all of them (`adminRecordChecksRepository(db).checks` and `.count`), so the
 * workbench's count and this list are one condition.
 */
export function recordChecksWhere(db: CloudDatabase, caller: Caller, year: number): object | null {
  return accessWhere(db, caller, policy.record.view, { year, state: db.command.neq('draft') });
}

/** The records the office is to check and those it has checked (none when it may read no records). */
export async function recordChecksOf(db: CloudDatabase, caller: Caller, year: number): Promise<RecordChecks> {
  const where = recordChecksWhere(db, caller, year);
  return where ? adminRecordChecksRepository(db).checks(where) : { pending: [], reviewed: [] };
}

export function toRecordCheckView({ row, flags }: RecordCheck): RecordCheckView {
  const review = row.review ? { at: row.review.at.toISOString(), byName: row.review.byName, note: row.review.note, flags: row.review.flags } : null;
  return { id: row.id, kind: row.kind, date: row.date, state: row.state, unitName: row.unitName, orgName: row.orgName, flags: [...new Set([...flags, ...(review?.flags ?? [])])], review };
}

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
