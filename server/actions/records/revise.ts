import { recordRefInput } from '../../../src/contract/records';
import type { HistoryEntry, RecordDocument } from '../../db/documents';
import { getById, updateWhere } from '../../db/ops';
import { defineAction } from '../../runtime/defineAction';
import { fail } from '../../runtime/failure';
import { explainRefusal } from './explain';
import { recordView } from './views';

/**
 * records.revise — start a new revision of a disputed or confirmed record. A confirmed record stays
 * locked: its confirmed content is kept in `previousRevisions`, and the new revision needs confirming again.
 */
export const reviseRecord = defineAction({
  name: 'records.revise',
  input: recordRefInput,
  access: ['unitStaff', 'unitHead', 'streetOffice', 'districtOffice'],
  async run({ db, caller, now }, input) {
    const _ = db.command;
    const record = await getById<RecordDocument>(db.collection('records'), input.recordId);
    if (!record) fail('NOT_FOUND', `record ${input.recordId} not found`);
    if (record.state !== 'confirmed' && record.state !== 'disputed') explainRefusal(record, caller, 'revise');
    const authorSide = caller.grants.some((grant) => (grant.role === 'unitStaff' || grant.role === 'unitHead') && grant.scopeId === record.unitId) || record.authorId === caller.personId;
    if (!authorSide) explainRefusal(record, caller, 'revise');
    const revision = record.revision + 1;
    const entry: HistoryEntry = { at: now, actorId: caller.personId, actorName: caller.name, event: 'revise', revision };
    const snapshot =
      record.state === 'confirmed'
        ? { revision: record.revision, kind: record.kind, date: record.date, contentAreas: record.contentAreas, content: record.content, results: record.results, participants: record.participants, organisations: record.organisations, attachments: record.attachments, confirmed: record.confirmed }
        : null;
    const changed = await updateWhere(db.collection('records').where({ _id: record._id, revision: record.revision, state: record.state }), {
      state: 'revised',
      revision,
      confirmToken: _.set(null),
      confirmed: _.set(null),
      ...(snapshot ? { previousRevisions: _.push(snapshot) } : {}),
      history: _.push(entry),
      updatedAt: now,
    });
    if (changed === 0) fail('CONFLICT', `record ${record._id} changed during revise`);
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
