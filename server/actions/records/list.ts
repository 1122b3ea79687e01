import { listRecordsInput, pendingInput } from '../../../src/contract/records';
import { approvedOrgIdsOf, isDistrictOffice, streetIdsOf, unitIdsOf } from '../../../src/domain/access/scope';
import type { RecordDocument } from '../../db/documents';
import { findAll } from '../../db/ops';
import type { CloudDatabase } from '../../runtime/cloud';
import type { Caller } from '../../runtime/context';
import { defineAction } from '../../runtime/defineAction';
import { fail } from '../../runtime/failure';
import { recordSummary, summaryProjection } from './views';

/** The records a person may see: their units', their approved orgs', their street's, or all (district). */
export function visibleRecordsCondition(db: CloudDatabase, caller: Caller): object | null {
  const _ = db.command;
  if (isDistrictOffice(caller.grants)) return {};
  const branches: object[] = [];
  const units = unitIdsOf(caller.grants);
  const orgs = approvedOrgIdsOf(caller.grants);
  const streets = streetIdsOf(caller.grants);
  if (units.length > 0) branches.push({ unitId: _.in(units) });
  if (orgs.length > 0) branches.push({ orgId: _.in(orgs), state: _.neq('draft') });
  if (streets.length > 0) branches.push({ streetId: _.in(streets) }, { unitStreetId: _.in(streets) });
  return branches.length === 0 ? null : branches.length === 1 ? branches[0]! : _.or(branches);
}

/** records.list — the record book, newest first, a page at a time. */
export const listRecords = defineAction({
  name: 'records.list',
  input: listRecordsInput,
  access: 'person',
  async run({ db, caller }, input) {
    const _ = db.command;
    const visible = visibleRecordsCondition(db, caller);
    if (!visible) return { items: [] };
    const offset = input.cursor === undefined ? 0 : Number(input.cursor);
    if (!Number.isInteger(offset) || offset < 0 || offset > 100_000) fail('INVALID_INPUT', `bad cursor ${input.cursor}`, { field: 'cursor' });
    const filters = [visible, ...(input.pairingId ? [{ pairingId: input.pairingId }] : []), ...(input.state ? [{ state: input.state }] : [])];
    const rows = await findAll<RecordDocument>(
      db
        .collection('records')
        .where(filters.length === 1 ? filters[0]! : _.and(filters))
        .orderBy('date', 'desc')
        .orderBy('_id', 'desc')
        .skip(offset)
        .limit(input.limit + 1)
        .field(summaryProjection),
    );
    const items = rows.slice(0, input.limit).map(recordSummary);
    return rows.length > input.limit ? { items, nextCursor: String(offset + input.limit) } : { items };
  },
});

/** records.pending — everything waiting for this party leader's confirmation, oldest first. */
export const pendingRecords = defineAction({
  name: 'records.pending',
  input: pendingInput,
  access: ['orgLeader'],
  async run({ db, caller }) {
    const orgs = approvedOrgIdsOf(caller.grants);
    if (orgs.length === 0) return { items: [] };
    const rows = await findAll<RecordDocument>(
      db.collection('records').where({ orgId: db.command.in(orgs), state: 'submitted' }).orderBy('submittedAt', 'asc').limit(100).field(summaryProjection),
    );
    return { items: rows.map(recordSummary) };
  },
});
