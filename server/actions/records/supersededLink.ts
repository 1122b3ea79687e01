import type { RecordFieldChange, SupersededLinkView } from '../../../src/contract/records';
import { massOrganisations } from '../../../src/domain/catalog/organisations';
import { contentAreas, recordKinds } from '../../../src/domain/records/catalog';
import type { EditableRecordField } from '../../../src/domain/records/history';
import { editableRecordFields, recordFieldLabels } from '../../../src/domain/records/history';
import type { RecordDocument } from '../../db/documents';
import { recordsSupersededLinksRepository } from '../../repositories/recordsSupersededLinks';
import type { CloudDatabase } from '../../runtime/cloud';
import { writtenFields } from './writtenFields';

/**
 * Confirm links of earlier versions. When a record is revised (revise.ts) or withdrawn (withdraw.ts),
 * the version it leaves is kept in `previousRevisions` with the id of its confirm link
 * (`confirmTokenId`), its content and the leader's decision on it, and the link's id in
 * `supersededLinks` (found by id, without scanning the records). An old link — the share card in the chat, the QR code, the message — then
 * still leads the leader to the record: to its latest version, with what changed and their objection.
 */

/** The snapshot revise.ts and withdraw.ts keep of the version they leave. */
export function revisionSnapshot(record: RecordDocument): Record<string, unknown> {
  return {
    revision: record.revision,
    ...writtenFields(record),
    checkIn: record.checkIn,
    activityId: record.activityId,
    confirmed: record.confirmed,
    dispute: record.dispute,
    confirmTokenId: record.confirmToken?.id ?? null,
  };
}

/**
 * The record one of whose earlier versions had this confirm link (one request, by the link's id in
 * `supersededLinks`; only when the token is not current).
 */
export function bySupersededToken(db: CloudDatabase, token: string): Promise<RecordDocument | undefined> {
  return recordsSupersededLinksRepository(db).recordOf(token);
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? (value as unknown[]) : []);
const labelOf = (labels: Readonly<Record<string, string>>, id: unknown): string => (typeof id === 'string' ? (labels[id] ?? id) : '');
const joined = (items: readonly string[]) => (items.length === 0 ? '（空）' : items.join('、'));

function sideText(name: string, side: unknown): string {
  if (!isRecord(side)) return `${name}（空）`;
  const names = listOf(side['names']).filter((item): item is string => typeof item === 'string');
  return `${name} ${typeof side['count'] === 'number' ? side['count'] : 0} 人${names.length > 0 ? `（${names.join('、')}）` : ''}`;
}

/** A field's value as the leader reads it. */
function display(field: EditableRecordField, value: unknown): string {
  switch (field) {
    case 'kind':
      return labelOf(recordKinds, value);
    case 'date':
    case 'content':
    case 'results':
      return typeof value === 'string' && value !== '' ? value : '（空）';
    case 'contentAreas':
      return joined(listOf(value).map((id) => labelOf(contentAreas, id)));
    case 'participants':
      return isRecord(value) ? `${sideText('我方', value['unit'])}；${sideText('组织方', value['org'])}` : '（空）';
    case 'organisations':
      return isRecord(value) ? `我方 ${joined(listOf(value['unit']).map((id) => labelOf(massOrganisations, id)))}；组织方 ${joined(listOf(value['org']).map((id) => labelOf(massOrganisations, id)))}` : '（空）';
    case 'attachments':
      return joined(listOf(value).map((item) => (isRecord(item) && typeof item['name'] === 'string' ? item['name'] : '')));
    case 'checkIn':
      return value ? '有到访签到' : '无';
    case 'activityId':
      return value ? '已关联联合活动' : '无';
  }
}

/** What changed between a kept version and the record now, field by field (only fields the version kept). */
export function changesSince(snapshot: Readonly<Record<string, unknown>>, record: RecordDocument): RecordFieldChange[] {
  return editableRecordFields
    .filter((field) => field in snapshot && JSON.stringify(snapshot[field] ?? null) !== JSON.stringify(record[field] ?? null))
    .map((field) => ({ field, label: recordFieldLabels[field], before: display(field, snapshot[field]), after: display(field, record[field]) }));
}

/** The page's account of an old link: the version it was for, the changes since and the leader's objection. */
export function supersededView(record: RecordDocument, token: string): SupersededLinkView | undefined {
  const snapshot = record.previousRevisions.find((entry) => entry['confirmTokenId'] === token);
  if (!snapshot) return undefined;
  const dispute = snapshot['dispute'];
  const objection =
    isRecord(dispute) && typeof dispute['reason'] === 'string'
      ? { reason: dispute['reason'], by: typeof dispute['byName'] === 'string' ? dispute['byName'] : '', at: new Date(dispute['at'] as string | Date).toISOString() }
      : undefined;
  return { linkRevision: typeof snapshot['revision'] === 'number' ? snapshot['revision'] : record.revision - 1, changes: changesSince(snapshot, record), ...(objection ? { earlierObjection: objection } : {}) };
}
