import { getRecordInput } from '../../../src/contract/records';
import { canConfirmFor, canViewPairing } from '../../../src/domain/access/scope';
import type { RecordDocument } from '../../db/documents';
import { findOne } from '../../db/ops';
import { defineAction } from '../../runtime/defineAction';
import { fail } from '../../runtime/failure';
import { recordView } from './views';

/** records.get — one record, by id or by a confirm link's token, with whether the caller may confirm it now. */
export const getRecord = defineAction({
  name: 'records.get',
  input: getRecordInput,
  access: 'person',
  async run({ db, caller, now }, input) {
    const record = await findOne<RecordDocument>(db.collection('records').where('token' in input ? { 'confirmToken.id': input.token } : { _id: input.recordId }));
    const pendingLeader = record !== undefined && caller.grants.some((grant) => grant.role === 'orgLeader' && !grant.approved && grant.scopeId === record.orgId);
    if (!record || (!canViewPairing(caller.grants, record) && !pendingLeader)) {
      fail('NOT_FOUND', `record ${JSON.stringify(input)} not found or outside the scope of ${caller.personId}`, {
        userMessage: 'token' in input ? '链接已失效：记录可能已修改并重新提交，请使用最新的链接' : undefined,
      });
    }
    const reason = pendingLeader
      ? '您的党组织负责人身份尚待结对单位或党群共建办审核，审核通过后才能确认'
      : !canConfirmFor(caller.grants, record)
        ? undefined
        : record.state === 'confirmed'
          ? '这条记录已经确认过了'
          : record.state !== 'submitted'
            ? '记录尚未提交或正在修改，暂不能确认'
            : 'token' in input && record.confirmToken && new Date(record.confirmToken.expiresAt) <= now
              ? '确认链接已过期，请单位重新发送'
              : undefined;
    const canConfirm = !pendingLeader && canConfirmFor(caller.grants, record) && record.state === 'submitted' && reason === undefined;
    return { record: recordView(record), canConfirm, ...(reason ? { reason } : {}) };
  },
});
