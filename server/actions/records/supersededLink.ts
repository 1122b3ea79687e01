import type { RecordFieldChange, SupersededLinkView } from '../../../src/contract/records';
import { massOrganisations } from '../../../src/domain/catalog/organisations';
import { contentAreas, recordKinds } from '../../../src/domain/records/catalog';
import type { EditableRecordField } from '../../../src/domain/records/history';
import { editableRecordFields, recordFieldLabels } from '../../../src/domain/records/history';
import type { RecordDocument } from '../../db/documents';
import type { LeftLink } from '../../repositories/records';
import { recordsRepository } from '../../repositories/records';
import { recordsSupersededLinksRepository } from '../../repositories/recordsSupersededLinks';
import type { CloudDatabase } from '../../runtime/cloud';
import { linkKeyIn } from './linkTokens';
import { writtenFields } from './writtenFields';

/**
 * Confirm links of earlier versions. When a record is revised (revise.ts) or withdrawn (withdraw.ts),
 * the version it leaves is kept in `previousRevisions` with the id of its confirm link
 * (`confirmTokenId`), its content and the leader's decision on it. An old link — the share card in
 * the chat, the QR code, the message — then still leads the leader to the record: to its latest
 * version, with what changed and their objection.
 *
 * The link finds the record by the key its token starts with (linkTokens.ts, the `link_key` index),
 * so leaving it behind is part of the record's own conditional update: revise and withdraw take three
 * requests (the caller, the record, the update). A link made before keys is kept in the record's
 * `legacyLinkId` by the same update; those left behind before then are in `supersededLinks`.
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

/** What the update that leaves the record's current link behind writes to keep it findable. */
export function leftLink(record: RecordDocument): LeftLink {
  const token = record.confirmToken?.id;
  return token !== undefined && linkKeyIn(token) === undefined ? { legacyLinkId: token } : {};
}

/**
 * The record that has or had this confirm link, and whether it is the current one. One request for a
 * keyed link (by its key, current and earlier links alike); a link made before keys is looked up as
 * the current or the kept legacy link, then in `supersededLinks` (at most two).
 */
export async function recordOfLink(db: CloudDatabase, token: string): Promise<{ readonly record: RecordDocument; readonly current: boolean } | undefined> {
  const records = recordsRepository(db);
  const key = linkKeyIn(token);
  if (key !== undefined) {
    const keyed = await records.byLinkKey(key);
    const current = keyed.find((record) => record.confirmToken?.id === token);
    if (current) return { record: current, current: true };
    const earlier = keyed.find((record) => record.previousRevisions.some((entry) => entry['confirmTokenId'] === token));
    return earlier ? { record: earlier, current: false } : undefined;
  }
  const legacy = await records.byLegacyLink(token);
  if (legacy) return { record: legacy, current: legacy.confirmToken?.id === token };
  const kept = await recordsSupersededLinksRepository(db).recordOf(token);
  return kept ? { record: kept, current: false } : undefined;
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
