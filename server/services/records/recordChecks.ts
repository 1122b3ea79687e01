import type { RecordCheckView, RecordReviewView } from '../../../src/contract/adminChecks';
import { policy } from '../../../src/domain/access/policy';
import { streetsRepository } from '../../repositories/adminStreets';
import type { RecordCheck, RecordChecks } from '../../repositories/adminRecordChecks';
import { adminRecordChecksRepository } from '../../repositories/adminRecordChecks';
import { accessWhere, subjectOfCaller } from '../../runtime/access';
import type { CloudDatabase } from '../../runtime/cloud';
import type { Caller } from '../../runtime/context';
import type { RecordDocument } from '../../db/documents';

/**
 * Where the office's records to check are looked for: this year's handed-in records it may read
 * (`record.view`; drafts are the unit's own until submitted). Which of them wait for a check is judged
 * by the pure rules over all of them (`adminRecordChecksRepository(db).checks` and `.count`), so the
 * workbench's count, its list and the record page are one condition. Shared by admin (待核查的记录)
 * and records (the record page an office opens).
 */
export function recordChecksWhere(db: CloudDatabase, caller: Caller, year: number): object | null {
  return accessWhere(db, caller, policy.record.view, { year, state: db.command.neq('draft') });
}

/** The records the office is to check and those it has checked (none when it may read no records). */
export async function recordChecksOf(db: CloudDatabase, caller: Caller, year: number): Promise<RecordChecks> {
  const where = recordChecksWhere(db, caller, year);
  return where ? adminRecordChecksRepository(db).checks(where) : { pending: [], reviewed: [] };
}

export function reviewView(review: NonNullable<RecordDocument['review']>): RecordReviewView {
  return { at: new Date(review.at).toISOString(), byName: review.byName, byOffice: review.byOffice ?? '党群共建办', note: review.note, flags: review.flags };
}

export function toRecordCheckView({ row, flags }: RecordCheck): RecordCheckView {
  const review = row.review ? reviewView(row.review) : null;
  return { id: row.id, kind: row.kind, date: row.date, state: row.state, unitName: row.unitName, orgName: row.orgName, flags: [...new Set([...flags, ...(review?.flags ?? [])])], review };
}

/** The office a review is done as: the district office, or the caller's street office over the record (one read of the street). */
export async function reviewingOffice(db: CloudDatabase, caller: Caller, streetIds: readonly string[]): Promise<string> {
  const office = subjectOfCaller(caller);
  if (office.district) return '区委党群共建办';
  const streetId = streetIds.find((id) => office.streetIds.includes(id));
  const street = streetId ? await streetsRepository(db).byId(streetId) : undefined;
  return `${street?.name ?? '街道'}党群共建办`;
}
