import { confirmOnPaperInput } from '../../../src/contract/records';
import { policy } from '../../../src/domain/access/policy';
import type { HistoryEntry, RecordDocument } from '../../db/documents';
import { recordsRepository } from '../../repositories/records';
import { allows } from '../../runtime/access';
import { defineAction } from '../../runtime/defineAction';
import { fail } from '../../runtime/failure';
import { requireComplete } from './completeness';
import { explainRefusal } from './explainRefusal';
import { recordView } from './recordViews';

/** What the audit trail, the record page and the exports say about a leader's signature on paper checked by an office. */
export const PAPER_SIGNED_NOTE = '纸质签字已核';

/**
 * records.confirmOnPaper — a paper record (补录) whose paper page the org leader signed is confirmed at
 * once by the office that checked the signature, instead of waiting for the leader in the app (the app
 * is never the only way to take part). Both steps go into the audit trail ("提交确认" and
 * "确认 · 纸质签字已核", by the office); the confirmer reads "<office person>（纸质签字已核）".
 * Only for paper records, only by an office over the pairing, only when complete.
 */
export const confirmOnPaper = defineAction({
  name: 'records.confirmOnPaper',
  input: confirmOnPaperInput,
  access: ['streetOffice', 'districtOffice'],
  async run({ db, caller, now }, input) {
    const records = recordsRepository(db);
    const record = await records.byId(input.recordId);
    if (!record) fail('NOT_FOUND', `record ${input.recordId} not found`);
    if (!allows(caller, policy.pairing.office, record)) fail('NOT_FOUND', `record ${record._id} is outside the scope of person ${caller.personId}`);
    if (!record.paper) {
      fail('FORBIDDEN', `record ${record._id} is not a paper record`, { userMessage: '只有共建办补录的纸质记录，才能由共建办标为“纸质签字已核”；在小程序中写的记录请由组织负责人确认' });
    }
    if ((record.state !== 'draft' && record.state !== 'revised') || record.revision !== input.revision) explainRefusal(record, caller, 'submit', input.revision);
    requireComplete(record);
    const base = { at: now, actorId: caller.personId, actorName: caller.name, revision: input.revision };
    const entries: HistoryEntry[] = [
      { ...base, event: 'submit', note: '办公室补录' },
      { ...base, event: 'confirm', note: PAPER_SIGNED_NOTE },
    ];
    const confirmed = { at: now, byId: caller.personId, byName: `${caller.name}（${PAPER_SIGNED_NOTE}）` };
    if (!(await records.confirmOnPaper(record._id, input.revision, confirmed, entries, now))) fail('CONFLICT', `record ${record._id} changed before it was confirmed on paper`);
    const done: RecordDocument = { ...record, state: 'confirmed', submittedAt: now, confirmToken: null, confirmed, dispute: null, history: [...record.history, ...entries], updatedAt: now };
    return { record: recordView(done) };
  },
});
