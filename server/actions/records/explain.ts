import { canConfirmFor, canViewPairing, unitIdsOf } from '../../../src/domain/access/scope';
import type { RecordEvent } from '../../../src/domain/records/stateMachine';
import { transition } from '../../../src/domain/records/stateMachine';
import type { RecordDocument } from '../../db/documents';
import type { Caller } from '../../runtime/context';
import { fail } from '../../runtime/failure';

/**
 * A conditional update changed nothing: say why, in the caller's terms. Never returns.
 * Scope first (nothing about a record is told to someone outside it), then revision, then state.
 */
export function explainRefusal(record: RecordDocument, caller: Caller, event: RecordEvent, revision?: number): never {
  const authorSide = unitIdsOf(caller.grants).includes(record.unitId) || record.authorId === caller.personId;
  const allowed = event === 'confirm' || event === 'dispute' ? canConfirmFor(caller.grants, record) : authorSide;
  if (!allowed) {
    if (!canViewPairing(caller.grants, record)) fail('NOT_FOUND', `record ${record._id} is outside the scope of ${caller.personId}`);
    fail('FORBIDDEN', `person ${caller.personId} may not ${event} record ${record._id}`, {
      userMessage: event === 'confirm' || event === 'dispute' ? '只有该“两新”组织已审核的党组织负责人才能确认' : undefined,
    });
  }
  if (revision !== undefined && revision !== record.revision) {
    fail('CONFLICT', `record ${record._id} is at revision ${record.revision}, caller saw ${revision}`, { userMessage: '记录已有新的版本，请刷新后再操作' });
  }
  const step = transition(record.state, event);
  if (!step.ok) {
    const done = (event === 'confirm' && record.state === 'confirmed') || (event === 'dispute' && record.state === 'disputed');
    fail(done ? 'ALREADY_DONE' : 'CONFLICT', `record ${record._id} is ${record.state}; ${event} refused`, { userMessage: step.reason });
  }
  fail('CONFLICT', `record ${record._id} changed concurrently during ${event}`);
}
