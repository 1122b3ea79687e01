import { getRecordInput } from '../../../src/contract/records';
import { policy } from '../../../src/domain/access/policy';
import { chinaDateTimeLabel } from '../../../src/domain/time/chinaLabels';
import { recordsRepository } from '../../repositories/records';
import { allows } from '../../runtime/access';
import { defineAction } from '../../runtime/defineAction';
import { fail } from '../../runtime/failure';
import { confirmLinkOf } from '../../services/records/confirmRequest';
import { onceApproved } from '../../services/records/onceApproved';
import { recordChecksOf, toRecordCheckView } from '../../services/records/recordChecks';
import type { CloudDatabase } from '../../runtime/cloud';
import type { Caller } from '../../runtime/context';
import type { RecordChecksOnView } from '../../../src/contract/records';
import type { RecordDocument } from '../../db/documents';
import { recordView } from './recordViews';
import { recordOfLink, supersededView } from './supersededLink';

/**
 * records.get — one record, by id or by a confirm link's token, with whether the caller may confirm it
 * now, and for the unit side whether it writes for it and the open confirm link (the record page is
 * one call). The link of an earlier version leads to the latest version, with what changed since and the
 * leader's objection to that version (`superseded`); the page then confirms it by id and revision. Who sees it is `record.view` (an org's leader never sees the unit's drafts); a leader still
 * waiting for approval, who will see it once approved, is shown it and told approval is pending.
 */
/** Under the page's title 这条记录已经确认过了: who confirmed and when, not the title again. */
function confirmedNote(confirmed: RecordDocument['confirmed']): string {
  return confirmed ? `${confirmed.byName} 已于 ${chinaDateTimeLabel(confirmed.at)} 确认，无需再次确认。如内容有误，请联系结对单位发起修改。` : '无需再次确认。如内容有误，请联系结对单位发起修改。';
}

/**
 * For an office over the record: its review flags and review, judged as its 待核查的记录 list judges
 * them (over the record's year in the office's scope, one request per 10,000 records). Never for the
 * unit or the org's leader, and nothing for a draft or a record without flags.
 */
async function checksFor(db: CloudDatabase, caller: Caller, record: RecordDocument): Promise<RecordChecksOnView | undefined> {
  if (record.state === 'draft' || !allows(caller, policy.pairing.office, record)) return undefined;
  const checks = await recordChecksOf(db, caller, record.year);
  const found = [...checks.pending, ...checks.reviewed].find((check) => check.row.id === record._id);
  if (!found) return undefined;
  const { flags, review } = toRecordCheckView(found);
  return { flags, review };
}

export const getRecord = defineAction({
  name: 'records.get',
  input: getRecordInput,
  access: 'person',
  async run({ db, caller, now }, input) {
    // By a link, current or of an earlier version (the record was revised or withdrawn since): the latest version, with what changed.
    const found = 'token' in input ? await recordOfLink(db, input.token) : undefined;
    const record = 'token' in input ? found?.record : await recordsRepository(db).byId(input.recordId);
    const superseded = found && !found.current && 'token' in input ? supersededView(found.record, input.token) : undefined;
    const pendingLeader = record !== undefined && allows(onceApproved(caller), policy.record.view, record);
    if (!record || !(pendingLeader || allows(caller, policy.record.view, record))) {
      fail('NOT_FOUND', `record ${JSON.stringify(input)} not found or outside the scope of ${caller.personId}`, {
        userMessage: 'token' in input ? '链接已失效：记录可能已修改并重新提交，请使用最新的链接' : undefined,
      });
    }
    const confirms = allows(caller, policy.record.confirm, record);
    const reason = pendingLeader
      ? '您的党组织负责人身份尚待结对单位或党群共建办审核，审核通过后才能确认'
      : !confirms
        ? undefined
        : record.state === 'confirmed'
          ? confirmedNote(record.confirmed)
          : record.state !== 'submitted'
            ? '记录尚未提交或正在修改，暂不能确认'
            : 'token' in input && !superseded && record.confirmToken && new Date(record.confirmToken.expiresAt) <= now
              ? '确认链接已过期，请单位重新发送'
              : undefined;
    const canConfirm = !pendingLeader && confirms && record.state === 'submitted' && reason === undefined;
    const checks = await checksFor(db, caller, record);
    const unitSide = allows(caller, policy.record.write, record);
    const token = record.confirmToken;
    const open = unitSide && record.state === 'submitted' && token && token.usedAt === null && new Date(token.expiresAt) > now;
    const link = open ? confirmLinkOf(token.id, new Date(token.expiresAt)) : undefined;
    return { record: { ...recordView(record), ...(checks ? { checks } : {}) }, canConfirm, ...(reason ? { reason } : {}), ...(superseded ? { superseded } : {}), unitSide, ...(link ? { link } : {}) };
  },
});
