import { problemsSummary, recordProblems } from '../../../src/contract/records';
import type { RecordDocument } from '../../db/documents';
import { fail } from '../../runtime/failure';
import { writtenFields } from './writtenFields';

/** A stored record's content as the contract's record rules read it. */
function contentOf(record: RecordDocument): Record<string, unknown> {
  return {
    pairingId: record.pairingId,
    ...writtenFields(record),
    ...(record.checkIn ? { checkInId: record.checkIn.id } : {}),
    ...(record.activityId ? { activityId: record.activityId } : {}),
  };
}

/**
 * A draft may be incomplete; a record sent for confirmation may not. Refuses with every problem at once
 * (the same rules the phone checks before sending), naming the field when there is only one.
 */
export function requireComplete(record: RecordDocument): void {
  const problems = recordProblems(contentOf(record), 'complete');
  const [first] = problems;
  if (first === undefined) return;
  fail('INVALID_INPUT', `record ${record._id} is incomplete: ${problems.map((problem) => problem.field).join(', ')}`, {
    ...(problems.length === 1 ? { field: first.field } : {}),
    userMessage: problemsSummary(problems),
  });
}
