import { pairingCopyOf } from '../../../src/domain/catalog/pairing';
import { saveRecordInput } from '../../../src/contract/records';
import { canWriteRecord } from '../../../src/domain/access/policy';
import { editableRecordFields } from '../../../src/domain/records/history';
import { changedFields, recordDateProblem } from '../../../src/domain/records/rules';
import { isEditable, transition } from '../../../src/domain/records/stateMachine';
import type { CheckInDocument, HistoryEntry, RecordDocument } from '../../db/documents';
import { activitiesRepository } from '../../repositories/activities';
import { fileHashesOf } from '../../repositories/evidenceHashes';
import type { RecordContent } from '../../repositories/records';
import { requireAttachable } from '../../services/files/attachable';
import { recordsRepository } from '../../repositories/records';
import { recordsSavingRepository } from '../../repositories/recordsSaving';
import { subjectOfCaller } from '../../runtime/access';
import { defineAction } from '../../runtime/defineAction';
import { fail } from '../../runtime/failure';
import { recordView } from './recordViews';

/**
 * records.save — write a record (积分行动记录本条目) as a draft, or edit a draft or a revision.
 * The phone makes `clientKey` when writing starts, so a save retried after a lost connection
 * never makes a second record. An office may enter a paper record (补录) on the unit's behalf
 * (`canWriteRecord`: the unit side, or for paper an office over the pairing).
 */
export const saveRecord = defineAction({
  name: 'records.save',
  input: saveRecordInput,
  access: ['unitStaff', 'unitHead', 'streetOffice', 'districtOffice'],
  async run({ db, cloud, caller, now }, input) {
    // One request reads the pairing with the record (by client key), the check-in and the activity named,
    // and what holds the files attached.
    const found = await recordsSavingRepository(db).context({
      pairingId: input.pairingId,
      recordId: input.clientKey,
      ...(input.checkInId ? { checkInId: input.checkInId } : {}),
      ...(input.activityId ? { activityId: input.activityId } : {}),
      fileIds: input.attachments.map((item) => item.fileId),
    });
    if (!found) fail('NOT_FOUND', `pairing ${input.pairingId} not found`, { field: 'pairingId', userMessage: '结对关系不存在' });
    const { pairing, existing, activity } = found;
    if (!canWriteRecord(subjectOfCaller(caller), pairing, input.paper)) {
      fail('FORBIDDEN', `person ${caller.personId} may not write records of pairing ${pairing._id} (paper=${input.paper})`);
    }
    const dateProblem = recordDateProblem(input.date, pairing, now);
    if (dateProblem) fail('INVALID_INPUT', `record date ${input.date} refused: ${dateProblem}`, { field: 'date', userMessage: dateProblem });
    const checkIn = input.checkInId ? attachableCheckIn(found.checkIn, input.checkInId, pairing._id) : null;
    if (input.activityId && activity?.pairingId !== pairing._id) {
      fail('INVALID_INPUT', `activity ${input.activityId} is not of pairing ${pairing._id}`, { field: 'activityId', userMessage: '联合活动不属于该结对' });
    }

    const content: RecordContent = {
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
    const records = recordsRepository(db);
    // Only files the caller uploaded, held by nothing else, may be attached (no download links to others' files).
    requireAttachable(caller, { kind: 'record', id: input.clientKey, pairingId: input.pairingId }, input.attachments, existing?.attachments ?? [], found.holders);
    const entry = (event: HistoryEntry['event'], revision: number, fields?: string[]): HistoryEntry => ({
      at: now,
      actorId: caller.personId,
      actorName: caller.name,
      event,
      revision,
      ...(fields ? { changedFields: fields } : {}),
      ...(input.paper ? { note: '办公室补录' } : {}),
    });
    // The photos' content hashes, from the stored bytes (a photo reused on another record is flagged for the office).
    const photosOf = (of: Pick<RecordContent, 'attachments' | 'checkIn'>) => [...of.attachments.map((item) => item.fileId), ...(of.checkIn?.photoFileId ? [of.checkIn.photoFileId] : [])];
    const hashPhotos = () => fileHashesOf(cloud, photosOf(content));

    if (!existing) {
      const record: RecordDocument = {
        _id: input.clientKey,
        ...pairingCopyOf(pairing),
        year: pairing.year,
        ...content,
        flagged: (checkIn?.flags.length ?? 0) > 0,
        photoHashes: await hashPhotos(),
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
      await records.insert(record);
      if (activity && activity.recordId === null) await activitiesRepository(db).linkRecord(activity._id, record._id);
      return { record: recordView(record) };
    }

    if (existing.pairingId !== pairing._id) fail('CONFLICT', `record ${existing._id} belongs to pairing ${existing.pairingId}`, { field: 'pairingId' });
    if (!isEditable(existing.state)) {
      const refusal = transition(existing.state, 'edit');
      fail('CONFLICT', `record ${existing._id} is ${existing.state}, not editable`, { userMessage: refusal.ok ? undefined : refusal.reason });
    }
    const fields = changedFields(existing, { ...existing, ...content }, editableRecordFields);
    if (fields.length === 0) return { record: recordView(existing) };
    const edit = entry('edit', existing.revision, fields);
    const flagged = (checkIn?.flags.length ?? 0) > 0;
    const samePhotos = photosOf(existing).join('\n') === photosOf(content).join('\n') && existing.photoHashes !== undefined;
    const photoHashes = samePhotos ? existing.photoHashes : await hashPhotos();
    if (!(await records.saveEdit(existing, content, flagged, edit, now, { photoHashes: photoHashes ?? [] }))) fail('CONFLICT', `record ${existing._id} changed while being edited`);
    return { record: recordView({ ...existing, ...content, flagged, history: [...existing.history, edit], updatedAt: now }) };
  },
});

function attachableCheckIn(checkIn: CheckInDocument | undefined, checkInId: string, pairingId: string): RecordDocument['checkIn'] {
  if (!checkIn || checkIn.pairingId !== pairingId) {
    fail('INVALID_INPUT', `check-in ${checkInId} is not of pairing ${pairingId}`, { field: 'checkInId', userMessage: '签到记录不属于该结对' });
  }
  const { _id, pairingId: _p, unitId: _u, orgId: _o, position: _pos, ...rest } = checkIn;
  return { id: _id, ...rest };
}
