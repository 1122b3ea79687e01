import { listRecordsInput, PENDING_VIEWS, pendingInput } from '../../../src/contract/records';
import { policy } from '../../../src/domain/access/policy';
import type { RecordDocument } from '../../db/documents';
import { recordsRepository } from '../../repositories/records';
import { accessWhere } from '../../runtime/access';
import { defineAction } from '../../runtime/defineAction';
import { fail } from '../../runtime/failure';
import { recordSummary, recordView } from './recordViews';

/** records.list — the record book the caller may read (`record.view`), newest first, a page at a time. */
export const listRecords = defineAction({
  name: 'records.list',
  input: listRecordsInput,
  access: 'person',
  async run({ db, caller }, input) {
    const where = accessWhere(db, caller, policy.record.view, ...(input.pairingId ? [{ pairingId: input.pairingId }] : []), ...(input.state ? [{ state: input.state }] : []));
    if (!where) return { items: [] };
    const offset = input.cursor === undefined ? 0 : Number(input.cursor);
    if (!Number.isInteger(offset) || offset < 0 || offset > 100_000) fail('INVALID_INPUT', `bad cursor ${input.cursor}`, { field: 'cursor' });
    const rows = await recordsRepository(db).page(where, offset, input.limit + 1);
    const items = rows.slice(0, input.limit).map(recordSummary);
    return rows.length > input.limit ? { items, nextCursor: String(offset + input.limit) } : { items };
  },
});

/**
 * records.pending — everything waiting for this party leader's confirmation (`record.confirm`), oldest
 * first; with `withContent`, the oldest PENDING_VIEWS also in full (one more round trip), so the leader
 * reads each before confirming several in one pass (records.confirmMany).
 */
export const pendingRecords = defineAction({
  name: 'records.pending',
  input: pendingInput,
  access: ['orgLeader'],
  async run({ db, caller }, input) {
    const where = accessWhere(db, caller, policy.record.confirm, { state: 'submitted' });
    if (!where) return input.withContent ? { items: [], views: [] } : { items: [] };
    const records = recordsRepository(db);
    const rows = await records.waitingOldestFirst(where, 100);
    const items = rows.map(recordSummary);
    if (!input.withContent) return { items };
    const oldest = rows.slice(0, PENDING_VIEWS).map((row) => row._id);
    const full = new Map((await records.byIds(oldest)).map((record) => [record._id, record]));
    const views = oldest.map((id) => full.get(id)).filter((record): record is RecordDocument => record?.state === 'submitted');
    return { items, views: views.map(recordView) };
  },
});
