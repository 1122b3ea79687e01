import { policy } from '../../../src/domain/access/policy';
import type { RecordEvent } from '../../../src/domain/records/stateMachine';
import { transition } from '../../../src/domain/records/stateMachine';
import type { RecordDocument } from '../../db/documents';
import { allows } from '../../runtime/access';
import type { Caller } from '../../runtime/context';
import { fail } from '../../runtime/failure';
import { writesRecord } from './writesRecord';

/**
 * A record event was refused or a conditional update changed nothing: say why, in the caller's terms.
 * Never returns. Scope first (nothing about a record is told to someone who may not see it under
 * `record.view`: an org's leader asking about a draft hears NOT_FOUND), then revision, then state.
 */
export function explainRefusal(record: RecordDocument, caller: Caller, event: RecordEvent, revision?: number): never {
  if (!allows(caller, policy.record.view, record)) fail('NOT_FOUND', `record ${record._id} is outside the scope of ${caller.personId}`);
  const leaderEvent = event === 'confirm' || event === 'dispute';
  if (!(leaderEvent ? allows(caller, policy.record.confirm, record) : writesRecord(caller, record))) {
    fail('FORBIDDEN', `person ${caller.personId} may not ${event} record ${record._id}`, {
      userMessage: leaderEvent ? '只有该“两新”组织已审核的党组织负责人才能确认' : undefined,
    });
  }
  if (revision !== undefined && revision !== record.revision) {
    fail('CONFLICT', `record ${record._id} is at revision ${record.revision}, caller saw ${revision}`, { userMessage: '记录已有新的版本，请刷新后再操作' });
  }
  const step = transition(record.state, event);
  if (!step.ok) {
    const done = (event === 'confirm' && record.state === 'confirmed') || (event === 'dispute' && record.state === 'disputed');
    fail(done ? 'ALREADY_DONE' : 'CONFLICT', `record ${record._id} is ${record.state}; ${event} refused`, { userMessage: unitSideReason(record.state, event) ?? step.reason });
  }
  fail('CONFLICT', `record ${record._id} changed concurrently during ${event}`);
}

/** What the unit side does next, where the state machine's reason only says "not in this state". */
function unitSideReason(state: RecordDocument['state'], event: RecordEvent): string | undefined {
  // A disputed record changes only in a new revision (records.revise); sent again as it is, the objection would stand.
  if (state === 'disputed' && event === 'submit') return '组织负责人对这条记录提出了异议：请先点“修改”开始新的版本，修改后再提交';
  return undefined;
}
