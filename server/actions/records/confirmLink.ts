import { linkedPages } from '../../../src/contract/pages';
import { confirmLinkInput } from '../../../src/contract/records';
import { recordsRepository } from '../../repositories/records';
import { defineAction } from '../../runtime/defineAction';
import { fail } from '../../runtime/failure';
import { confirmLinkOf } from '../../services/records/confirmRequest';
import { miniProgramCode } from '../../services/records/miniProgramCode';
import { writesRecord } from './writesRecord';

/**
 * records.confirmLink — the current confirm link of a submitted record, for its writers: a share card
 * or, with `withQrImage`, a mini-program code the leader scans on the worker's phone.
 */
export const confirmLink = defineAction({
  name: 'records.confirmLink',
  input: confirmLinkInput,
  access: 'person',
  async run({ db, cloud, caller, now }, input) {
    const record = await recordsRepository(db).byId(input.recordId);
    if (!record || !writesRecord(caller, record)) fail('NOT_FOUND', `record ${input.recordId} not visible to ${caller.personId} for a confirm link`);
    const token = record.confirmToken;
    if (record.state !== 'submitted' || !token || token.usedAt !== null) {
      fail('CONFLICT', `record ${record._id} is ${record.state}; no open confirm link`, { userMessage: '这条记录当前不需要确认' });
    }
    if (new Date(token.expiresAt) <= now) fail('EXPIRED', `confirm link of ${record._id} expired`, { userMessage: '确认链接已过期，请重新提交记录' });
    const link = confirmLinkOf(token.id, new Date(token.expiresAt));
    return input.withQrImage ? { ...link, qrImage: await miniProgramCode(cloud, linkedPages.confirm, token.id) } : link;
  },
});
