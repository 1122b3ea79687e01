import { recordRefInput } from '../../../src/contract/records';
import type { HistoryEntry } from '../../db/documents';
import { recordsRepository } from '../../repositories/records';
import { defineAction } from '../../runtime/defineAction';
import { fail } from '../../runtime/failure';
import { explainRefusal } from './explainRefusal';
import { recordView } from './recordViews';
import { writesRecord } from './writesRecord';

/**
 * records.revise — start a new revision of a disputed or confirmed record. A confirmed record stays
 * locked: its confirmed content is kept in `previousRevisions`, and the new revision needs confirming again.
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
    const snapshot =
      record.state === 'confirmed'
        ? { revision: record.revision, kind: record.kind, date: record.date, contentAreas: record.contentAreas, content: record.content, results: record.results, participants: record.participants, organisations: record.organisations, attachments: record.attachments, confirmed: record.confirmed }
        : null;
    if (!(await records.revise(record, snapshot, entry, now))) fail('CONFLICT', `record ${record._id} changed during revise`);
    return {
      record: recordView({
        ...record,
        state: 'revised',
        revision,
        confirmToken: null,
        confirmed: null,
        previousRevisions: snapshot ? [...record.previousRevisions, snapshot] : record.previousRevisions,
        history: [...record.history, entry],
        updatedAt: now,
      }),
    };
  },
});
