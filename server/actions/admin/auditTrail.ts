import { auditInput } from '../../../src/contract/admin';
import { policy } from '../../../src/domain/access/policy';
import type { FieldChange, TrailItem } from '../../../src/domain/admin/audit';
import { auditTitle, mergeTrail, recordEventTitle } from '../../../src/domain/admin/audit';
import { planStateLabels, planStepTarget } from '../../../src/domain/admin/workPlans';
import { recordKinds } from '../../../src/domain/records/catalog';
import { recordFieldLabels } from '../../../src/domain/records/history';
import type { ActionInput } from '../../../src/contract/actions';
import type { TrailPage } from '../../repositories/adminAuditTrail';
import { adminAuditTrailRepository } from '../../repositories/adminAuditTrail';
import type { CloudDatabase } from '../../runtime/cloud';
import type { Caller } from '../../runtime/context';
import { accessWhere } from '../../runtime/access';
import { defineAction } from '../../runtime/defineAction';
import { officeRoles, requireOffice } from './refusals';

const iso = (value: Date | string) => new Date(value).toISOString();

/** A record edit keeps only which fields changed: shown by their Chinese names, e.g. 参加人员 已修改. */
const editedField = (field: string): FieldChange => ({ field: (recordFieldLabels as Readonly<Record<string, string>>)[field] ?? field, before: '', after: '', edited: true });

const unique = <T extends { readonly _id: string }>(documents: readonly T[]): T[] => [...new Map(documents.map((document) => [document._id, document])).values()];

/**
 * The plans' own histories as the trail shows them (提交、通过、退回工作方案), as `plan.history`
 * allows: filtered by unit (its plan), by person (their steps); an org has no plan.
 */
async function planTrail(db: CloudDatabase, caller: Caller, input: Pick<ActionInput<'admin.audit'>, 'unitId' | 'orgId' | 'personId'>, page: TrailPage): Promise<TrailItem[]> {
  const filters: object[] = [];
  if (input.unitId) filters.push({ subjectType: 'unit', subjectId: input.unitId });
  if (input.personId) filters.push({ 'history.actorId': input.personId });
  if (!input.unitId && !input.orgId && !input.personId) filters.push({});
  const queries = filters.map((filter) => accessWhere(db, caller, policy.plan.history, filter)).filter((where): where is object => where !== null);
  const trail = adminAuditTrailRepository(db);
  const plans = unique((await Promise.all(queries.map((where) => trail.planHistories(where, page)))).flat());
  return plans.flatMap((plan) =>
    (plan.history ?? [])
      .map((entry, index) => ({ entry, index }))
      .filter(({ entry }) => (!page.before || new Date(entry.at) < page.before) && (!input.personId || input.unitId || input.orgId || entry.actorId === input.personId))
      .map(({ entry, index }) => ({
        id: `${plan._id}#${index}`,
        at: iso(entry.at),
        actorName: entry.actorName,
        source: 'plan' as const,
        title: auditTitle(`plan.${entry.event}`),
        subjectName: `${plan.subjectName} ${plan.year} 年度方案`,
        changes: [{ field: '状态', before: planStateLabels[entry.from], after: planStateLabels[planStepTarget(entry.event)] }],
        note: entry.note,
      })),
  );
}

/**
 * admin.audit — who changed what, when: the administration trail merged with the records' own
 * histories, newest first, filtered by unit, org or person. Entries as `office.audit` allows
 * (a street office: its streets), records as `record.view` allows.
 */
export const auditTrail = defineAction({
  name: 'admin.audit',
  input: auditInput,
  access: officeRoles,
  async run({ db, caller }, input) {
    requireOffice(caller, 'read the audit trail');
    const trail = adminAuditTrailRepository(db);
    const before = input.before ? new Date(input.before) : null;
    const page = { before, limit: input.limit };

    const entryFilters: object[] = [];
    if (input.unitId) entryFilters.push({ unitId: input.unitId });
    if (input.orgId) entryFilters.push({ orgId: input.orgId });
    if (input.personId) entryFilters.push({ personId: input.personId }, { actorId: input.personId });
    if (entryFilters.length === 0) entryFilters.push({});
    const entryQueries = entryFilters.map((filter) => accessWhere(db, caller, policy.office.audit, filter)).filter((where): where is object => where !== null);
    const entries = unique((await Promise.all(entryQueries.map((where) => trail.entries(where, page)))).flat());
    const entryItems: TrailItem[] = entries.map((entry) => ({
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
    // 全部 means every record history in scope too, not only the administration entries.
    if (recordFilters.length === 0) recordFilters.push({});
    const recordQueries = recordFilters.map((filter) => accessWhere(db, caller, policy.record.view, filter)).filter((where): where is object => where !== null);
    const records = unique((await Promise.all(recordQueries.map((where) => trail.recordHistories(where, page)))).flat());
    const recordItems: TrailItem[] = records.flatMap((record) =>
      record.history
        .filter((entry) => (!before || new Date(entry.at) < before) && (!input.personId || input.unitId || input.orgId || entry.actorId === input.personId))
        .map((entry, index) => ({
          id: `${record._id}#${index}`,
          at: iso(entry.at),
          actorName: entry.actorName,
          source: 'record' as const,
          title: recordEventTitle(entry.event),
          subjectName: `${record.unitName} ↔ ${record.orgName}：${recordKinds[record.kind] ?? record.kind}（${record.date}）`,
          changes: (entry.changedFields ?? []).map(editedField),
          note: entry.note ?? '',
        })),
    );
    const planItems = await planTrail(db, caller, input, page);
    const items = mergeTrail([entryItems, recordItems, planItems], input.limit);
    return items.length === input.limit ? { items, nextBefore: items.at(-1)!.at } : { items };
  },
});
