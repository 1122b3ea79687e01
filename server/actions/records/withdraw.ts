import { withdrawRecordInput } from '../../../src/contract/records';
import type { HistoryEntry } from '../../db/documents';
import { recordsRepository } from '../../repositories/records';
import { defineAction } from '../../runtime/defineAction';
import { fail } from '../../runtime/failure';
import { explainRefusal } from './explainRefusal';
import { recordView } from './recordViews';
import { leftLink, revisionSnapshot } from './supersededLink';
import { writesRecord } from './writesRecord';

/**
 * records.withdraw — the author takes back a record while it waits for the leader (e.g. a wrong count
 * noticed after sending): it goes back to being edited at the same revision, and its confirm link stops
 * is used up. Sending it again makes a new link, and the old one then leads the leader to the version
 * sent (as after a revision: the withdrawn version is kept in `previousRevisions`). Three database
 * requests: the caller, the record, one conditional update (which also keeps the old link findable).
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
    if (!writesRecord(caller, record) || record.state !== 'submitted' || record.revision !== input.revision) explainRefusal(record, caller, 'withdraw', input.revision);
    // The version withdrawn, with its link: sent again, the leader's old link leads to it (supersededLink.ts).
    const snapshot = revisionSnapshot(record);
    if (!(await records.withdraw(record._id, input.revision, snapshot, leftLink(record), entry, now))) {
      explainRefusal((await records.byId(record._id)) ?? record, caller, 'withdraw', input.revision);
    }
    return {
      record: recordView({
        ...record,
        state: 'revised',
        submittedAt: null,
        confirmToken: null,
        previousRevisions: [...record.previousRevisions, snapshot],
        history: [...record.history, entry],
        updatedAt: now,
      }),
    };
  },
});

