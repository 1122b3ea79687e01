import { confirmRecordInput, disputeRecordInput } from '../../../src/contract/records';
import { approvedOrgIdsOf } from '../../../src/domain/access/scope';
import type { HistoryEntry, RecordDocument } from '../../db/documents';
import { findOne, updateWhere } from '../../db/ops';
import type { CloudDatabase } from '../../runtime/cloud';
import type { ActionContext, Caller } from '../../runtime/context';
import { defineAction } from '../../runtime/defineAction';
import { fail } from '../../runtime/failure';
import { explainRefusal } from './explain';
import { recordView } from './views';

type Target = { token: string } | { recordId: string; revision: number };

async function readTarget(db: CloudDatabase, target: Target): Promise<RecordDocument> {
  const query = 'token' in target ? { 'confirmToken.id': target.token } : { _id: target.recordId };
  const record = await findOne<RecordDocument>(db.collection('records').where(query));
  if (!record) fail('NOT_FOUND', `no record for ${JSON.stringify(target)}`, { userMessage: 'token' in target ? '链接已失效：记录可能已修改并重新提交，请使用最新的链接' : undefined });
  return record;
}

/**
 * The org's party leader decides on a submitted record: 确认 (confirm) or 有异议 (dispute, with a reason).
 * Three database requests: the caller, the record, and one conditional update in which the database
 * re-checks state, revision, org and the link's single-use token. A second confirmation changes
 * nothing and says so.
 */
async function decide(context: ActionContext & { caller: Caller }, target: Target, decision: 'confirm' | 'dispute', reason?: string) {
  const { db, caller, now } = context;
  const _ = db.command;
  const record = await readTarget(db, target);
  const orgIds = approvedOrgIdsOf(caller.grants);
  const revision = 'revision' in target ? target.revision : record.revision;
  if (record.state !== 'submitted' || !orgIds.includes(record.orgId) || revision !== record.revision) explainRefusal(record, caller, decision, revision);
  if ('token' in target && record.confirmToken && new Date(record.confirmToken.expiresAt) <= now) {
    fail('EXPIRED', `confirm token of record ${record._id} expired`, { userMessage: '确认链接已过期，请单位重新发送' });
  }
  const entry: HistoryEntry = { at: now, actorId: caller.personId, actorName: caller.name, event: decision, revision, ...(reason ? { note: reason } : {}) };
  const stamp = { at: now, byId: caller.personId, byName: caller.name };
  const outcome = decision === 'confirm' ? { confirmed: stamp } : { dispute: { ...stamp, reason: reason ?? '' } };
  const tokenCondition = 'token' in target ? { 'confirmToken.id': target.token, 'confirmToken.usedAt': null } : {};
  const changed = await updateWhere(db.collection('records').where({ _id: record._id, revision, state: 'submitted', orgId: _.in(orgIds), ...tokenCondition }), {
    state: decision === 'confirm' ? 'confirmed' : 'disputed',
    ...Object.fromEntries(Object.entries(outcome).map(([key, value]) => [key, _.set(value)])),
    ...(record.confirmToken ? { 'confirmToken.usedAt': now } : {}),
    history: _.push(entry),
    updatedAt: now,
  });
  if (changed === 0) explainRefusal(await readTarget(db, target), caller, decision, revision);
  const decided: RecordDocument = {
    ...record,
    ...outcome,
    state: decision === 'confirm' ? 'confirmed' : 'disputed',
    confirmToken: record.confirmToken ? { ...record.confirmToken, usedAt: now } : null,
    history: [...record.history, entry],
    updatedAt: now,
  };
  return { record: recordView(decided) };
}

export const confirmRecord = defineAction({
  name: 'records.confirm',
  input: confirmRecordInput,
  access: ['orgLeader'],
  run: (context, input) => decide(context, input, 'confirm'),
});

export const disputeRecord = defineAction({
  name: 'records.dispute',
  input: disputeRecordInput,
  access: ['orgLeader'],
  run: (context, input) => decide(context, 'token' in input ? { token: input.token } : { recordId: input.recordId, revision: input.revision }, 'dispute', input.reason),
});
