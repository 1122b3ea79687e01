import { auditInput } from '../../../src/contract/admin';
import type { TrailItem } from '../../../src/domain/admin/audit';
import { auditTitle, mergeTrail, recordEventTitle } from '../../../src/domain/admin/audit';
import { recordKinds } from '../../../src/domain/records/catalog';
import type { AuditDocument } from '../../db/adminDocuments';
import type { RecordDocument } from '../../db/documents';
import { findAll } from '../../db/ops';
import { defineAction } from '../../runtime/defineAction';
import { officeRoles, requireOffice } from './access';

const iso = (value: Date | string) => new Date(value).toISOString();

/**
 * admin.audit — who changed what, when: the administration trail merged with the records' own
 * histories, newest first, filtered by unit, org or person. A street office reads its streets only.
 */
export const auditTrail = defineAction({
  name: 'admin.audit',
  input: auditInput,
  access: officeRoles,
  async run({ db, caller }, input) {
    const scope = requireOffice(caller, 'read the audit trail');
    const _ = db.command;
    const before = input.before ? new Date(input.before) : null;
    const streets = [...scope.streetIds];
    const timeCondition = before ? { at: _.lt(before) } : {};
    const streetCondition = scope.district ? {} : { streetIds: _.in(streets) };
    const adminQueries: object[] = [];
    if (input.unitId) adminQueries.push({ unitId: input.unitId });
    if (input.orgId) adminQueries.push({ orgId: input.orgId });
    if (input.personId) adminQueries.push({ personId: input.personId }, { actorId: input.personId });
    if (adminQueries.length === 0) adminQueries.push({});
    const adminEntries = (
      await Promise.all(adminQueries.map((filter) => findAll<AuditDocument>(db.collection('auditTrail').where({ ...filter, ...timeCondition, ...streetCondition }).orderBy('at', 'desc').limit(input.limit))))
    ).flat();
    const adminItems: TrailItem[] = [...new Map(adminEntries.map((entry) => [entry._id, entry])).values()].map((entry) => ({
      id: entry._id,
      at: iso(entry.at),
      actorName: entry.actorName,
      source: 'admin',
      title: auditTitle(entry.action),
      subjectName: entry.subjectName,
      changes: entry.changes,
      note: entry.note,
    }));

    const recordFilters: object[] = [];
    if (input.unitId) recordFilters.push({ unitId: input.unitId });
    if (input.orgId) recordFilters.push({ orgId: input.orgId });
    if (input.personId) recordFilters.push({ 'history.actorId': input.personId });
    const recordScope = scope.district ? {} : _.or([{ streetId: _.in(streets) }, { unitStreetId: _.in(streets) }]);
    const records = (
      await Promise.all(
        recordFilters.map((filter) =>
          findAll<RecordDocument>(
            db
              .collection('records')
              .where(_.and([filter, recordScope, ...(before ? [{ createdAt: _.lt(before) }] : [])]))
              .orderBy('updatedAt', 'desc')
              .limit(input.limit)
              .field({ _id: 1, unitName: 1, orgName: 1, kind: 1, date: 1, history: 1 }),
          ),
        ),
      )
    ).flat();
    const recordItems: TrailItem[] = [...new Map(records.map((record) => [record._id, record])).values()].flatMap((record) =>
      record.history
        .filter((entry) => (!before || new Date(entry.at) < before) && (!input.personId || input.unitId || input.orgId || entry.actorId === input.personId))
        .map((entry, index) => ({
          id: `${record._id}#${index}`,
          at: iso(entry.at),
          actorName: entry.actorName,
          source: 'record' as const,
          title: recordEventTitle(entry.event),
          subjectName: `${record.unitName} ↔ ${record.orgName}：${recordKinds[record.kind] ?? record.kind}（${record.date}）`,
          changes: (entry.changedFields ?? []).map((field) => ({ field, before: '', after: '已修改' })),
          note: entry.note ?? '',
        })),
    );
    const items = mergeTrail([adminItems, recordItems], input.limit);
    return items.length === input.limit ? { items, nextBefore: items.at(-1)!.at } : { items };
  },
});
