import { withdrawRecordInput } from '../../../src/contract/records';
import type { HistoryEntry } from '../../db/documents';
import { recordsRepository } from '../../repositories/records';
import { defineAction } from '../../runtime/defineAction';
import { fail } from '../../runtime/failure';
import { explainRefusal } from './explainRefusal';
import { recordView } from './recordViews';
import { writesRecord } from './writesRecord';

/**
 * records.withdraw — the author takes back a record while it waits for the leader (e.g. a wrong count
 * noticed after sending): it goes back to being edited at the same revision, and its confirm link stops
 * working (the leader's link then says the record is not submitted). Sending it again makes a new link.
 */
export const withdrawRecord = defineAction({
  name: 'records.withdraw',
  input: withdrawRecordInput,
  access: ['unitStaff', 'unitHead', 'streetOffice', 'districtOffice'],
  async run({ db, caller, now }, input) {
    const records = recordsRepository(db);
    const record = await records.byId(input.recordId);
    if (!record) fail('NOT_FOUND', `record ${input.recordId} not found`);
    const entry: HistoryEntry = { at: now, actorId: caller.personId, actorName: caller.name, event: 'withdraw', revision: input.revision };
    if (!writesRecord(caller, record) || !(await records.withdraw(record._id, input.revision, entry, now))) {
      explainRefusal((await records.byId(record._id)) ?? record, caller, 'withdraw', input.revision);
    }
    return { record: recordView({ ...record, state: 'revised', submittedAt: null, confirmToken: null, history: [...record.history, entry], updatedAt: now }) };
  },
});

