import type { CheckInView, HistoryEntryView, RecordResult, RecordSummary, RecordView } from '../../../src/contract/records';
import { recordKinds } from '../../../src/domain/records/catalog';
import type { RecordDocument } from '../../db/documents';
import type { RecordResultRow } from '../../repositories/recordResults';
import type { RecordSummaryRow } from '../../repositories/records';
import { writtenFields } from './writtenFields';

/** Records as pages see them (src/contract/records.ts): dates as ISO text, no tokens or internal ids. */

const iso = (value: Date | string) => new Date(value).toISOString();

export function recordView(record: RecordDocument): RecordView {
  return {
    id: record._id,
    pairingId: record.pairingId,
    unitId: record.unitId,
    unitName: record.unitName,
    orgId: record.orgId,
    orgName: record.orgName,
    ...writtenFields(record),
    state: record.state,
    revision: record.revision,
    paper: record.paper,
    ...(record.checkIn ? { checkIn: checkInView(record.checkIn) } : {}),
    activityId: record.activityId ?? null,
    ...(record.dispute ? { dispute: { reason: record.dispute.reason, at: iso(record.dispute.at), by: record.dispute.byName } } : {}),
    ...(record.confirmed ? { confirmed: { at: iso(record.confirmed.at), by: record.confirmed.byName } } : {}),
    authorName: record.authorName,
    history: record.history.map(
      (entry): HistoryEntryView => ({
        at: iso(entry.at),
        actorName: entry.actorName,
        event: entry.event,
        revision: entry.revision,
        ...(entry.note !== undefined ? { note: entry.note } : {}),
        ...(entry.changedFields !== undefined ? { changedFields: entry.changedFields } : {}),
      }),
    ),
  };
}

export function checkInView(checkIn: NonNullable<RecordDocument['checkIn']>): CheckInView {
  return {
    id: checkIn.id,
    at: iso(checkIn.at),
    distanceMetres: checkIn.distanceMetres,
    accuracyMetres: checkIn.accuracyMetres,
    flags: checkIn.flags,
    hasPhoto: checkIn.photoFileId !== null,
  };
}

/** A record as lists show it, from the fields the repository's `summaryProjection` reads. */
export function recordSummary(record: Omit<RecordSummaryRow, 'pairingId'>): RecordSummary {
  return {
    id: record._id,
    kind: record.kind,
    date: record.date,
    state: record.state,
    revision: record.revision,
    title: `${recordKinds[record.kind]}：${record.content.slice(0, 40)}`,
    unitName: record.unitName,
    orgName: record.orgName,
    flagged: record.flagged,
  };
}

/** A decided record as home's 结果 shows it: who decided, when, and a dispute's reason. */
export function recordResult(row: RecordResultRow): RecordResult {
  const decision = row.state === 'disputed' ? row.dispute : row.confirmed;
  const at = decision?.at ?? row.updatedAt;
  return {
    record: recordSummary(row),
    result: row.state === 'disputed' ? 'disputed' : 'confirmed',
    by: decision?.byName ?? '',
    at: iso(at),
    ...(row.state === 'disputed' && row.dispute ? { reason: row.dispute.reason } : {}),
  };
}
