import { submitRecordInput } from '../../../src/contract/records';
import { policy } from '../../../src/domain/access/policy';
import type { HistoryEntry } from '../../db/documents';
import { sendMessage } from '../../messaging/send';
import { templates } from '../../messaging/templates';
import { recordsRepository } from '../../repositories/records';
import { allows } from '../../runtime/access';
import { defineAction } from '../../runtime/defineAction';
import { fail } from '../../runtime/failure';
import { CONFIRM_LINK_DAYS, confirmLinkOf, confirmRequestMessage } from '../../services/records/confirmRequest';
import { requireComplete } from './completeness';
import { explainRefusal } from './explainRefusal';
import { linkKeyOf, newConfirmTokenId } from './linkTokens';
import { recordView } from './recordViews';
import { writesRecord } from './writesRecord';

/**
 * records.submit — send a draft or a revision to the org's party leader for confirmation, with a new
 * confirm link; the leaders who may confirm it (`record.confirm`) get the confirm-request message.
 * Three database requests: the caller, the record with its org's people, and one conditional update
 * (state and revision checked by the database). Submitting the same revision again changes nothing
 * and answers the same link (a retried submit is sent exactly once). A draft may be incomplete; what is
 * submitted must be complete (`requireComplete`, the same rules the phone checks).
 */
export const submitRecord = defineAction({
  name: 'records.submit',
  input: submitRecordInput,
  access: ['unitStaff', 'unitHead', 'streetOffice', 'districtOffice'],
  async run({ db, cloud, caller, now }, input) {
    const records = recordsRepository(db);
    const found = await records.withOrgPeople(input.recordId);
    if (!found) fail('NOT_FOUND', `record ${input.recordId} not found`);
    const { record, people } = found;
    if (!writesRecord(caller, record)) explainRefusal(record, caller, 'submit', input.revision);
    if ((record.state === 'draft' || record.state === 'revised') && record.revision === input.revision) requireComplete(record);
    const token = { id: newConfirmTokenId(record._id), revision: input.revision, expiresAt: new Date(now.getTime() + CONFIRM_LINK_DAYS * 86_400_000), usedAt: null };
    const entry: HistoryEntry = { at: now, actorId: caller.personId, actorName: caller.name, event: 'submit', revision: input.revision };
    if (!(await records.submit(record._id, input.revision, token, linkKeyOf(record._id), entry, now))) {
      // Already submitted at this revision (a retry, or a concurrent submit that won): the same link.
      const current = (await records.byId(record._id)) ?? record;
      const link = current.confirmToken;
      if (current.state !== 'submitted' || current.revision !== input.revision || link === null) explainRefusal(current, caller, 'submit', input.revision);
      return { record: recordView(current), link: confirmLinkOf(link.id, new Date(link.expiresAt)) };
    }
    const submitted = { ...record, state: 'submitted' as const, submittedAt: now, confirmToken: token, dispute: null, history: [...record.history, entry], updatedAt: now };
    for (const leader of people.filter((person) => allows(person, policy.record.confirm, record))) {
      await sendMessage(cloud, templates.confirmRequest, confirmRequestMessage(leader.openid, record, { token: token.id }, 'submitted'));
    }
    return { record: recordView(submitted), link: confirmLinkOf(token.id, token.expiresAt) };
  },
});
