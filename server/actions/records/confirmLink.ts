import { linkedPages } from '../../../src/contract/pages';
import { confirmLinkInput } from '../../../src/contract/records';
import { recordsRepository } from '../../repositories/records';
import { defineAction } from '../../runtime/defineAction';
import { fail } from '../../runtime/failure';
import { CONFIRM_LINK_DAYS, confirmLinkOf } from '../../services/records/confirmRequest';
import { miniProgramCode } from '../../services/records/miniProgramCode';
import { linkKeyOf, newConfirmTokenId } from './linkTokens';
import { writesRecord } from './writesRecord';

/**
 * records.confirmLink — the current confirm link of a submitted record, for its writers: a share card
 * or, with `withQrImage`, a mini-program code the leader scans on the worker's phone. A link that
 * expired unused is renewed here (a new token, valid CONFIRM_LINK_DAYS again; the expired one stays
 * refused), so 重新发送 works after the 14 days without submitting again.
 */
export const confirmLink = defineAction({
  name: 'records.confirmLink',
  input: confirmLinkInput,
  access: 'person',
  async run({ db, cloud, caller, now }, input) {
    const records = recordsRepository(db);
    const record = await records.byId(input.recordId);
    if (!record || !writesRecord(caller, record)) fail('NOT_FOUND', `record ${input.recordId} not visible to ${caller.personId} for a confirm link`);
    let token = record.confirmToken;
    if (record.state !== 'submitted' || !token || token.usedAt !== null) {
      fail('CONFLICT', `record ${record._id} is ${record.state}; no open confirm link`, { userMessage: '这条记录当前不需要确认' });
    }
    if (new Date(token.expiresAt) <= now) {
      const renewed = { id: newConfirmTokenId(record._id), revision: token.revision, expiresAt: new Date(now.getTime() + CONFIRM_LINK_DAYS * 86_400_000), usedAt: null };
      if (!(await records.renewConfirmToken(record._id, record.revision, token.id, renewed, linkKeyOf(record._id), now))) {
        fail('CONFLICT', `record ${record._id} changed while its expired confirm link was renewed`, { userMessage: '这条记录刚有变化，请刷新后再发送' });
      }
      token = renewed;
    }
    const link = confirmLinkOf(token.id, new Date(token.expiresAt));
    return input.withQrImage ? { ...link, qrImage: await miniProgramCode(cloud, linkedPages.confirm, token.id) } : link;
  },
});
