import { recordRefInput } from '../../../src/contract/records';
import type { HistoryEntry } from '../../db/documents';
import { recordsRepository } from '../../repositories/records';
import { defineAction } from '../../runtime/defineAction';
import { fail } from '../../runtime/failure';
import { explainRefusal } from './explainRefusal';
import { leftLink, revisionSnapshot } from './supersededLink';
import { recordView } from './recordViews';
import { writesRecord } from './writesRecord';

/**
 * records.revise — start a new revision of a disputed or confirmed record. The version it leaves is
 * kept in `previousRevisions` (its content, the leader's decision and its confirm link's id): a
 * confirmed record stays locked there, and the new revision needs confirming again. Three database
 * requests: the caller, the record, one conditional update (which also keeps the old link findable).
 */
export const reviseRecord = defineAction({
  name: 'records.revise',
  input: recordRefInput,
  access: ['unitStaff', 'unitHead', 'streetOffice', 'districtOffice'],
  async run({ db, caller, now }, input) {
    const records = recordsRepository(db);
    const record = await records.byId(input.recordId);
    if (!record) fail('NOT_FOUND', `record ${input.recordId} not found`);
    if ((record.state !== 'confirmed' && record.state !== 'disputed') || !writesRecord(caller, record)) explainRefusal(record, caller, 'revise');
    const revision = record.revision + 1;
    const entry: HistoryEntry = { at: now, actorId: caller.personId, actorName: caller.name, event: 'revise', revision };
    // The version this revision leaves, with its confirm link's id: an old link then leads the leader to the latest version (supersededLink.ts).
    const snapshot = revisionSnapshot(record);
    if (!(await records.revise(record, snapshot, leftLink(record), entry, now))) fail('CONFLICT', `record ${record._id} changed during revise`);
    return {
      record: recordView({
        ...record,
        state: 'revised',
        revision,
        confirmToken: null,
        confirmed: null,
        previousRevisions: [...record.previousRevisions, snapshot],
        history: [...record.history, entry],
        updatedAt: now,
      }),
    };
  },
});
