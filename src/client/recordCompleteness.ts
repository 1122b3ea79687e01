import type { ActionError } from '../contract/errors';
import { problemsSummary, recordProblems } from '../contract/records';
import type { ActionInput } from '../contract/actions';
import { setCompletenessCheck } from './recordQueue';

/** The contract's rules for a record sent for confirmation: every problem at once, as the server words them. */
export function incompleteRecordError(content: ActionInput<'records.save'>): ActionError | undefined {
  const problems = recordProblems(content, 'complete');
  const [first] = problems;
  if (first === undefined) return undefined;
  return { code: 'INVALID_INPUT', message: problemsSummary(problems), ...(problems.length === 1 ? { field: first.field } : {}) };
}

// Loaded with the record editor (a subpackage): from then on the phone's queue checks with the contract's rules.
setCompletenessCheck(incompleteRecordError);
