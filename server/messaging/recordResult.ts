import type { RecordKind } from '../../src/domain/records/catalog';
import { recordKinds } from '../../src/domain/records/catalog';
import { chinaDateString } from '../../src/domain/time/chinaTime';
import type { Log, Message, SendOutcome } from './send';
import { sendMessage } from './send';
import type { MessageTemplate } from './templates';
import { templates } from './templates';
import type { WxCloud } from '../runtime/cloud';

type FieldOf<T> = T extends MessageTemplate<infer F> ? F : never;
export type RecordResultField = FieldOf<typeof templates.recordResult>;

/** What the leader decided, as the message's 结果 (a `phrase`: at most 5 Chinese characters). */
export const resultPhrases = { confirm: '已确认', dispute: '有异议' } as const;

export interface DecidedRecord {
  readonly id: string;
  readonly kind: RecordKind;
  /** The day the work took place. */
  readonly date: string;
}

export interface Decision {
  readonly decision: 'confirm' | 'dispute';
  readonly byName: string;
  readonly at: Date;
  /** The leader's objection (disputes only). */
  readonly reason?: string;
}

/**
 * The one result message (审核结果通知) to a record's author: 事项 the record's kind, 记录日期 the day
 * of the work, 结果 已确认/有异议, 处理人 the leader, 备注 what follows (a dispute's reason, cut to 20
 * characters by `sendMessage`). It opens the record itself (the author's record view, `?id=`), where a
 * disputed record is revised.
 */
export function recordResultMessage(to: string, record: DecidedRecord, decision: Decision): Message<RecordResultField> {
  const note = decision.decision === 'confirm' ? `已于${chinaDateString(decision.at)}确认，计入积分` : `异议：${decision.reason ?? ''}`;
  return {
    to,
    query: { id: record.id },
    values: { thing1: recordKinds[record.kind], date2: record.date, phrase3: resultPhrases[decision.decision], name4: decision.byName, thing5: note },
  };
}

/**
 * Tell the author the result, once per decision (the decision itself is written only once). Without
 * the author's allowance WeChat refuses it (43101): the local cloud's outbox keeps the refusal, and the
 * decision stands — a message never fails the action.
 */
export async function sendRecordResult(cloud: WxCloud, authorOpenid: string | undefined, record: DecidedRecord, decision: Decision, log?: Log): Promise<SendOutcome | 'noRecipient'> {
  if (!authorOpenid) return 'noRecipient';
  return sendMessage(cloud, templates.recordResult, recordResultMessage(authorOpenid, record, decision), log);
}
