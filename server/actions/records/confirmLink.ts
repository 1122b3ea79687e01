import { confirmLinkInput } from '../../../src/contract/records';
import { unitIdsOf } from '../../../src/domain/access/scope';
import type { RecordDocument } from '../../db/documents';
import { getById } from '../../db/ops';
import { defineAction } from '../../runtime/defineAction';
import { fail } from '../../runtime/failure';
import { confirmLinkOf } from './submit';

/**
 * records.confirmLink — the current confirm link of a submitted record, for a share card or, with
 * `withQrImage`, as a mini-program code the leader scans on the worker's phone.
 */
export const confirmLink = defineAction({
  name: 'records.confirmLink',
  input: confirmLinkInput,
  access: 'person',
  async run({ db, cloud, caller, now }, input) {
    const record = await getById<RecordDocument>(db.collection('records'), input.recordId);
    if (!record || !(unitIdsOf(caller.grants).includes(record.unitId) || record.authorId === caller.personId)) {
      fail('NOT_FOUND', `record ${input.recordId} not visible to ${caller.personId} for a confirm link`);
    }
    const token = record.confirmToken;
    if (record.state !== 'submitted' || !token || token.usedAt !== null) {
      fail('CONFLICT', `record ${record._id} is ${record.state}; no open confirm link`, { userMessage: '这条记录当前不需要确认' });
    }
    if (new Date(token.expiresAt) <= now) fail('EXPIRED', `confirm link of ${record._id} expired`, { userMessage: '确认链接已过期，请重新提交记录' });
    const link = confirmLinkOf(token.id, new Date(token.expiresAt));
    if (!input.withQrImage) return link;
    const code = (await cloud.openapi.wxacode.getUnlimited({ scene: token.id, page: 'pages/confirm/index', checkPath: false, width: 430 })) as { buffer: Buffer; contentType: string };
    return { ...link, qrImage: `data:${code.contentType};base64,${Buffer.from(code.buffer).toString('base64')}` };
  },
});
