import type { ReviewFlag } from '../../src/domain/records/reviewFlags';
import { awaitsReview, reviewFlagsOf } from '../../src/domain/records/reviewFlags';
import type { CloudDatabase } from '../runtime/cloud';
import type { ReviewEvidenceRow } from './recordReviews';
import { recordReviewsRepository } from './recordReviews';

/** A record with its review flags (the check-in's own and those seen across records). */
export interface RecordCheck {
  readonly row: ReviewEvidenceRow;
  readonly flags: readonly ReviewFlag[];
}

export interface RecordChecks {
  /** Waiting for the office's check (待核查): a flag its review, if any, has not seen. Newest work date first. */
  readonly pending: RecordCheck[];
  /** Checked by the office, flags all seen (已核查). Newest work date first. */
  readonly reviewed: RecordCheck[];
}

const newestFirst = (a: RecordCheck, b: RecordCheck) => (a.row.date === b.row.date ? (a.row.id < b.row.id ? 1 : -1) : a.row.date < b.row.date ? 1 : -1);

/**
 * Records carrying review flags, as the office workbench counts and lists them (待核查的记录). The
 * scope (`recordChecksWhere`) is read once, one request per 10,000 records, and judged by the pure
 * rules of src/domain/records/reviewFlags.ts: some flags only show across records, so no stored
 * field can say which records wait. `count` is the length of the same list.
 */
export function adminRecordChecksRepository(db: CloudDatabase) {
  async function checks(scope: object): Promise<RecordChecks> {
    const rows = await recordReviewsRepository(db).evidence(scope);
    const flagsById = reviewFlagsOf(rows);
    const all = rows
      .filter((row) => flagsById.has(row.id) || row.review)
      .map((row) => ({ row, flags: flagsById.get(row.id) ?? [] }))
      .sort(newestFirst);
    const pending = all.filter((check) => awaitsReview(check.flags, check.row.review?.flags));
    return { pending, reviewed: all.filter((check) => !pending.includes(check)) };
  }
  return {
    checks,
    count: async (scope: object): Promise<number> => (await checks(scope)).pending.length,
  };
}
