import { confirmRecordInput, disputeRecordInput } from '../../../src/contract/records';
import { policy } from '../../../src/domain/access/policy';
import type { HistoryEntry, RecordDocument } from '../../db/documents';
import { sendRecordResult } from '../../messaging/recordResult';
import type { RecordToDecide } from '../../repositories/recordsDeciding';
import { recordsDecidingRepository } from '../../repositories/recordsDeciding';
import { recordsRepository } from '../../repositories/records';
import { allows } from '../../runtime/access';
import type { ActionContext, Caller } from '../../runtime/context';
import { defineAction } from '../../runtime/defineAction';
import { fail } from '../../runtime/failure';
import { explainRefusal } from './explainRefusal';
import { recordView } from './recordViews';

type Target = { token: string } | { recordId: string; revision: number };

async function readTarget(db: ActionContext['db'], target: Target): Promise<RecordToDecide> {
  const found = await recordsDecidingRepository(db).find('token' in target ? { 'confirmToken.id': target.token } : { _id: target.recordId });
  if (!found) fail('NOT_FOUND', `no record for ${JSON.stringify(target)}`, { userMessage: 'token' in target ? '链接已失效：记录可能已修改并重新提交，请使用最新的链接' : undefined });
  return found;
}

/**
 * The org's party leader (`record.confirm`) decides on a submitted record: 确认 (confirm) or 有异议
 * (dispute, with a reason). Three database requests: the caller, the record joined with its author's
 * openid, and one conditional update in which the database re-checks state, revision and the link's
 * single-use token. The author is sent the result message (审核结果通知, sent once per decision,
 * after it is stored; without the author's allowance WeChat refuses it and the decision stands). A
 * second confirmation changes nothing, sends nothing and says so.
 */
async function decide(context: ActionContext & { caller: Caller }, target: Target, decision: 'confirm' | 'dispute', reason?: string) {
  const { db, caller, now } = context;
  const records = recordsRepository(db);
  const { record, authorOpenid: author } = await readTarget(db, target);
  const revision = 'revision' in target ? target.revision : record.revision;
  if (decision === 'confirm') requireConfirmable(record, caller, revision);
  else if (record.state !== 'submitted' || !allows(caller, policy.record.confirm, record) || revision !== record.revision) explainRefusal(record, caller, decision, revision);
  if ('token' in target && record.confirmToken && new Date(record.confirmToken.expiresAt) <= now) {
    fail('EXPIRED', `confirm token of record ${record._id} expired`, { userMessage: '确认链接已过期，请单位重新发送' });
  }
  const entry: HistoryEntry = { at: now, actorId: caller.personId, actorName: caller.name, event: decision, revision, ...(reason ? { note: reason } : {}) };
  const stamp = { at: now, byId: caller.personId, byName: caller.name };
  const outcome = decision === 'confirm' ? { confirmed: stamp } : { dispute: { ...stamp, reason: reason ?? '' } };
  const state = decision === 'confirm' ? 'confirmed' : 'disputed';
  const decided = await records.decide(record, revision, { state, outcome }, 'token' in target ? target.token : undefined, entry, now);
  if (!decided) explainRefusal((await readTarget(db, target)).record, caller, decision, revision);
  await sendRecordResult(context.cloud, author, { id: record._id, kind: record.kind, date: record.date }, { decision, byName: caller.name, at: now, ...(reason ? { reason } : {}) });
  return { record: decidedView(record, { state, ...outcome }, entry, now) };
}

/** The record as the decision left it (what was written, without reading it back). */
export function decidedView(record: RecordDocument, decided: Pick<RecordDocument, 'state'> & Partial<Pick<RecordDocument, 'confirmed' | 'dispute'>>, entry: HistoryEntry, now: Date) {
  return recordView({ ...record, ...decided, confirmToken: record.confirmToken ? { ...record.confirmToken, usedAt: now } : null, history: [...record.history, entry], updatedAt: now });
}

/** Refuses (with why) a confirmation the record does not allow: not waiting, not the caller's org, or another revision than seen. */
export function requireConfirmable(record: RecordDocument, caller: Caller, revision: number): void {
  if (record.state !== 'submitted' || !allows(caller, policy.record.confirm, record) || revision !== record.revision) explainRefusal(record, caller, 'confirm', revision);
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
