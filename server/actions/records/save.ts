import { saveRecordInput } from '../../../src/contract/records';
import { canWriteRecord } from '../../../src/domain/access/scope';
import { editableRecordFields } from '../../../src/domain/records/history';
import { changedFields, recordDateProblem } from '../../../src/domain/records/rules';
import { isEditable, transition } from '../../../src/domain/records/stateMachine';
import type { ActivityDocument, CheckInDocument, HistoryEntry, PairingDocument, RecordDocument } from '../../db/documents';
import { getById, insert, updateWhere } from '../../db/ops';
import type { CloudDatabase } from '../../runtime/cloud';
import { defineAction } from '../../runtime/defineAction';
import { fail } from '../../runtime/failure';
import { recordView } from './views';

const contentFields = editableRecordFields;

/**
 * records.save — write a record (积分行动记录本条目) as a draft, or edit a draft or a revision.
 * The phone makes `clientKey` when writing starts, so a save retried after a lost connection
 * never makes a second record. An office may enter a paper record (补录) on the unit's behalf.
 */
export const saveRecord = defineAction({
  name: 'records.save',
  input: saveRecordInput,
  access: ['unitStaff', 'unitHead', 'streetOffice', 'districtOffice'],
  async run({ db, caller, now }, input) {
    const pairing = await getById<PairingDocument>(db.collection('pairings'), input.pairingId);
    if (!pairing) fail('NOT_FOUND', `pairing ${input.pairingId} not found`, { field: 'pairingId', userMessage: '结对关系不存在' });
    if (!canWriteRecord(caller.grants, pairing, input.paper)) {
      fail('FORBIDDEN', `person ${caller.personId} may not write records of pairing ${pairing._id} (paper=${input.paper})`);
    }
    const dateProblem = recordDateProblem(input.date, pairing, now);
    if (dateProblem) fail('INVALID_INPUT', `record date ${input.date} refused: ${dateProblem}`, { field: 'date', userMessage: dateProblem });
    const checkIn = input.checkInId ? await attachableCheckIn(db, input.checkInId, pairing._id) : null;
    const activity = input.activityId ? await getById<ActivityDocument>(db.collection('activities'), input.activityId) : undefined;
    if (input.activityId && activity?.pairingId !== pairing._id) {
      fail('INVALID_INPUT', `activity ${input.activityId} is not of pairing ${pairing._id}`, { field: 'activityId', userMessage: '联合活动不属于该结对' });
    }

    const content = {
      kind: input.kind,
      date: input.date,
      contentAreas: [...new Set(input.contentAreas)],
      content: input.content,
      results: input.results,
      participants: input.participants,
      organisations: { unit: [...new Set(input.organisations.unit)], org: [...new Set(input.organisations.org)] },
      attachments: input.attachments,
      checkIn,
      activityId: activity?._id ?? null,
    };
    const records = db.collection('records');
    const existing = await getById<RecordDocument>(records, input.clientKey);
    const entry = (event: HistoryEntry['event'], revision: number, fields?: string[]): HistoryEntry => ({
      at: now,
      actorId: caller.personId,
      actorName: caller.name,
      event,
      revision,
      ...(fields ? { changedFields: fields } : {}),
      ...(input.paper ? { note: '办公室补录' } : {}),
    });

    if (!existing) {
      const record: RecordDocument = {
        _id: input.clientKey,
        pairingId: pairing._id,
        unitId: pairing.unitId,
        unitName: pairing.unitName,
        orgId: pairing.orgId,
        orgName: pairing.orgName,
        streetId: pairing.streetId,
        unitStreetId: pairing.unitStreetId,
        year: pairing.year,
        ...content,
        flagged: (checkIn?.flags.length ?? 0) > 0,
        state: 'draft',
        revision: 1,
        paper: input.paper,
        authorId: caller.personId,
        authorName: caller.name,
        confirmToken: null,
        confirmed: null,
        dispute: null,
        previousRevisions: [],
        history: [entry('create', 1)],
        submittedAt: null,
        createdAt: now,
        updatedAt: now,
      };
      await insert(records, record);
      if (activity && activity.recordId === null) await updateWhere(db.collection('activities').where({ _id: activity._id, recordId: null }), { recordId: record._id });
      return { record: recordView(record) };
    }

    if (existing.pairingId !== pairing._id) fail('CONFLICT', `record ${existing._id} belongs to pairing ${existing.pairingId}`, { field: 'pairingId' });
    if (!isEditable(existing.state)) {
      const refusal = transition(existing.state, 'edit');
      fail('CONFLICT', `record ${existing._id} is ${existing.state}, not editable`, { userMessage: refusal.ok ? undefined : refusal.reason });
    }
    const fields = changedFields(existing, { ...existing, ...content }, contentFields);
    if (fields.length === 0) return { record: recordView(existing) };
    const updated: RecordDocument = {
      ...existing,
      ...content,
      flagged: (checkIn?.flags.length ?? 0) > 0,
      history: [...existing.history, entry('edit', existing.revision, fields)],
      updatedAt: now,
    };
    const _ = db.command;
    const replaced = Object.fromEntries(contentFields.map((field) => [field, _.set(content[field])]));
    const count = await updateWhere(records.where({ _id: existing._id, state: existing.state, updatedAt: existing.updatedAt }), {
      ...replaced,
      flagged: updated.flagged,
      history: _.push(updated.history.at(-1)),
      updatedAt: now,
    });
    if (count !== 1) fail('CONFLICT', `record ${existing._id} changed while being edited`);
    return { record: recordView(updated) };
  },
});

async function attachableCheckIn(db: CloudDatabase, checkInId: string, pairingId: string) {
  const checkIn = await getById<CheckInDocument>(db.collection('checkIns'), checkInId);
  if (!checkIn || checkIn.pairingId !== pairingId) {
    fail('INVALID_INPUT', `check-in ${checkInId} is not of pairing ${pairingId}`, { field: 'checkInId', userMessage: '签到记录不属于该结对' });
  }
  const { _id, pairingId: _p, unitId: _u, orgId: _o, position: _pos, ...rest } = checkIn;
  return { id: _id, ...rest };
}
