import { can, policy } from '../access/policy';
import { arrangerOf } from '../catalog/organisations';
import { chinaDateString, parseChinaDate } from '../time/chinaTime';
import { yearOf } from '../time/periods';
import type { AuditEntry, FieldChange } from './audit';
import { fieldChanges } from './audit';
import type {
  EntityChange,
  ImportCurrent,
  ImportPlan,
  ImportScope,
  ImportTotals,
  OrgRow,
  PairingChange,
  PairingRow,
  PlanCollection,
  PlanContext,
  PlanOp,
  RowReport,
  UnitRow,
} from './importTypes';
import { buildOrg, buildUnit } from './importEntities';
import type { Index } from './importIndex';
import { findEntity, indexCurrent, resolveStreet } from './importIndex';
import { orgDisplay, orgFieldLabels, pairingFieldLabels, unitDisplay, unitFieldLabels } from './labels';
import type { ParsedRow, ParsedTable, RowProblem, RowValues } from './parseTable';
import { sameDocument } from './stable';
import { headerOf, tableColumns } from './tableFormat';

const choiceHeaders = new Set<string | undefined>(tableColumns.filter((column) => column.kind === 'choice').map((column) => column.header));

type Doc = Readonly<Record<string, unknown>>;

/**
 * The dry run: compares the parsed table with the current data and answers, row by row, what a
 * commit would create, update in place or leave unchanged, and every problem. Pure and
 * deterministic for given ids: the same table against the data it produced plans nothing.
 *
 * Rules: a unit is found by its code, else by its exact name; an org likewise. A blank cell keeps
 * the current value. A unit pairs with one org a year and an org with one unit; a unit whose
 * partner changes keeps its old pairing as history (ended the day before the new one starts).
 * Any problem anywhere blocks the commit (all or nothing).
 */
export function planImport(table: ParsedTable, current: ImportCurrent, scope: ImportScope, context: PlanContext): ImportPlan {
  const index = indexCurrent(current);
  const thisYear = yearOf(context.now).year;
  const today = chinaDateString(context.now);
  const year = table.rows.find((row) => row.values.year !== undefined)?.values.year ?? null;
  const planned = new Map<string, PlanOp>();
  const reports: RowReport[] = [];
  const audit: Array<AuditEntry & { _id: string; row: number }> = [];
  // Where the office may place and change units and orgs: the one access policy decides.
  const mayManageUnit = (unit: UnitRow) => can(scope, policy.unit.manage, unit);
  const mayManageOrg = (org: OrgRow) => can(scope, policy.org.manage, org);
  const streetName = (id: string) => index.streetById.get(id)?.name ?? id;

  // Pre-pass: the existing units the table names, so that an org now paired with one of them may move.
  const tableUnitIds = new Set(table.rows.map((row) => findEntity(index.units, row.values.unitCode, row.values.unitName).found?._id).filter((id): id is string => id !== undefined));

  const seenSignatures = new Map<string, number>();
  const seenUnits = new Map<string, number>();
  const seenOrgs = new Map<string, number>();
  const unitCodes = new Map<string, string>();
  const orgCodes = new Map<string, string>();

  for (const parsed of table.rows) {
    const problems: RowProblem[] = [...parsed.problems];
    const notes: string[] = [];
    const values = parsed.values;
    // A choice refused (“街道机关”) has named the options once; 须填写 on top would say the cell was blank.
    const unreadable = new Set(parsed.problems.map((cellProblem) => cellProblem.column).filter((column) => choiceHeaders.has(column)));
    const problem = (column: keyof RowValues | undefined, message: string) => {
      if (column && unreadable.has(headerOf[column])) return;
      problems.push(column ? { column: headerOf[column], message } : { message });
    };
    const base = { row: parsed.row, unitName: values.unitName ?? '', orgName: values.orgName ?? '' };

    const duplicateOf = seenSignatures.get(parsed.signature);
    if (duplicateOf !== undefined) problem(undefined, `与第 ${duplicateOf} 行完全相同（重复行），请删除其中一行`);
    else seenSignatures.set(parsed.signature, parsed.row);

    checkYear(values, year, thisYear, problem);
    if (!values.unitName) problem('unitName', '请填写单位名称');
    if (!values.orgName) problem('orgName', '请填写组织名称');
    const unitStreetId = values.unitStreet !== undefined ? resolveStreet(index, values.unitStreet, 'unitStreet', problem) : undefined;
    const orgStreetId = values.orgStreet !== undefined ? resolveStreet(index, values.orgStreet, 'orgStreet', problem) : undefined;

    // The unit: found, or new.
    let unitAfter: UnitRow | undefined;
    let unitBefore: UnitRow | undefined;
    if (values.unitName) {
      const match = findEntity(index.units, values.unitCode, values.unitName);
      if (match.problem) problem('unitCode', match.problem);
      unitBefore = match.found;
      unitAfter = match.problem ? undefined : buildUnit(unitBefore, values, unitStreetId, context, problem, notes);
      if (unitAfter) {
        if (unitBefore && !mayManageUnit(unitBefore)) problem('unitName', `单位“${unitBefore.name}”属于${streetName(unitBefore.streetId)}，超出您的管理范围`);
        else if (!mayManageUnit(unitAfter)) problem('unitStreet', `${streetName(unitAfter.streetId)}超出您的管理范围`);
        const key = unitBefore?._id ?? `new:${unitAfter.name}`;
        const earlier = seenUnits.get(key);
        if (earlier !== undefined && duplicateOf === undefined) problem('unitName', `单位“${unitAfter.name}”在第 ${earlier} 行已出现：一个单位同一年度只结对一个组织`);
        else seenUnits.set(key, parsed.row);
        const codeOwner = unitCodes.get(unitAfter.code);
        if (codeOwner !== undefined && codeOwner !== key) problem('unitCode', `单位编码“${unitAfter.code}”与表中另一个单位重复`);
        unitCodes.set(unitAfter.code, key);
        const holder = index.units.byCode.get(unitAfter.code);
        if (holder && holder._id !== unitBefore?._id) problem('unitCode', `单位编码“${unitAfter.code}”已属于“${holder.name}”`);
      }
    }

    // The org: found, or new.
    let orgAfter: OrgRow | undefined;
    let orgBefore: OrgRow | undefined;
    if (values.orgName) {
      const match = findEntity(index.orgs, values.orgCode, values.orgName);
      if (match.problem) problem('orgCode', match.problem);
      orgBefore = match.found;
      const unreadableCoordinates = parsed.problems.some((cellProblem) => cellProblem.column === headerOf.latitude || cellProblem.column === headerOf.longitude);
      orgAfter = match.problem ? undefined : buildOrg(orgBefore, unreadableCoordinates ? { ...values, latitude: undefined, longitude: undefined } : values, orgStreetId, context, problem, notes, unreadableCoordinates);
      if (orgAfter) {
        if (orgBefore && !mayManageOrg(orgBefore)) problem('orgName', `组织“${orgBefore.name}”属于${streetName(orgBefore.streetId)}，超出您的管理范围`);
        else if (!mayManageOrg(orgAfter)) problem('orgStreet', `${streetName(orgAfter.streetId)}超出您的管理范围`);
        const key = orgBefore?._id ?? `new:${orgAfter.name}`;
        const earlier = seenOrgs.get(key);
        if (earlier !== undefined && duplicateOf === undefined) problem('orgName', `组织“${orgAfter.name}”在第 ${earlier} 行已出现：一个组织同一年度只结对一个单位`);
        else seenOrgs.set(key, parsed.row);
        const codeOwner = orgCodes.get(orgAfter.code);
        if (codeOwner !== undefined && codeOwner !== key) problem('orgCode', `组织编码“${orgAfter.code}”与表中另一个组织重复`);
        orgCodes.set(orgAfter.code, key);
        const holder = index.orgs.byCode.get(orgAfter.code);
        if (holder && holder._id !== orgBefore?._id) problem('orgCode', `组织编码“${orgAfter.code}”已属于“${holder.name}”`);
        if (year !== null && orgBefore) {
          const partner = index.activeByOrg(year).get(orgBefore._id);
          if (partner && partner.unitId !== unitBefore?._id && !tableUnitIds.has(partner.unitId)) {
            problem('orgName', `组织“${orgBefore.name}”${year} 年度已与“${partner.unitName}”结对：一个组织同一年度只结对一个单位`);
          }
        }
      }
    }

    if (problems.length > 0 || !unitAfter || !orgAfter || year === null) {
      reports.push({ ...base, unit: 'none', org: 'none', pairing: 'none', changedFields: [], problems, notes });
      continue;
    }

    // The pairing of the year: unchanged, start date corrected, new, or a new partner (the old one ends).
    const active = unitBefore ? index.activeByUnit(year).get(unitBefore._id) : undefined;
    let pairingAfter: PairingRow;
    let pairingChange: PairingChange;
    const pairingChanges: FieldChange[] = [];
    if (active && active.orgId === orgAfter._id) {
      pairingAfter = { ...active, ...(values.startDate !== undefined ? { startDate: values.startDate } : {}) };
      pairingChange = sameDocument(active, pairingAfter) ? 'unchanged' : 'update';
      if (pairingChange === 'update') {
        if (!values.startDate!.startsWith(`${year}-`)) problem('startDate', `结对开始日期须在 ${year} 年内`);
        pairingChanges.push(...fieldChanges(active, pairingAfter, { startDate: pairingFieldLabels.startDate }));
      }
    } else {
      const hadEarlier = unitBefore ? index.pairingsOfUnit(unitBefore._id).some((pairing) => pairing.year === year) : false;
      const startDate = values.startDate ?? (hadEarlier && year === thisYear ? today : `${year}-01-01`);
      if (!startDate.startsWith(`${year}-`)) problem('startDate', `结对开始日期须在 ${year} 年内`);
      if (active && year < thisYear) problem('orgName', `往年（${year} 年）的结对不能更换组织`);
      pairingAfter = {
        _id: context.newId('pairing'),
        unitId: unitAfter._id,
        orgId: orgAfter._id,
        unitName: unitAfter.name,
        orgName: orgAfter.name,
        year,
        streetId: orgAfter.streetId,
        unitStreetId: unitAfter.streetId,
        arrangedBy: arrangerOf(unitAfter.level),
        startDate,
        endDate: null,
      };
      pairingChange = active ? 'replace' : 'create';
      if (active) {
        const endDate = dayBefore(startDate);
        planDocument(planned, 'pairings', active, { ...active, endDate }, parsed.row);
        notes.push(`原结对（与“${active.orgName}”）将于 ${endDate} 结束，记录保留`);
        pairingChanges.push({ field: pairingFieldLabels.orgName, before: active.orgName, after: orgAfter.name });
        pairingChanges.push({ field: pairingFieldLabels.endDate, before: '', after: `${endDate}（原结对）` });
      } else {
        pairingChanges.push({ field: pairingFieldLabels.orgName, before: '', after: orgAfter.name });
      }
      pairingChanges.push({ field: pairingFieldLabels.startDate, before: '', after: startDate });
    }
    if (problems.length > 0) {
      reports.push({ ...base, unit: 'none', org: 'none', pairing: 'none', changedFields: [], problems, notes });
      continue;
    }

    const unitChange = planDocument(planned, 'units', unitBefore ?? null, unitAfter, parsed.row);
    const orgChange = planDocument(planned, 'orgs', orgBefore ?? null, orgAfter, parsed.row);
    if (pairingChange !== 'unchanged') planDocument(planned, 'pairings', pairingChange === 'update' ? (active ?? null) : null, pairingAfter, parsed.row);
    const unitChanges = unitChange === 'unchanged' ? [] : fieldChanges(unitDisplay(unitBefore ?? null, streetName), unitDisplay(unitAfter, streetName)!, unitFieldLabels);
    const orgChanges = orgChange === 'unchanged' ? [] : fieldChanges(orgDisplay(orgBefore ?? null, streetName), orgDisplay(orgAfter, streetName)!, orgFieldLabels);
    const changes = [...unitChanges, ...orgChanges, ...pairingChanges];
    // The report names what changes in place; new entities are listed as new (the audit keeps every field).
    const changedInPlace = [...(unitChange === 'update' ? unitChanges : []), ...(orgChange === 'update' ? orgChanges : []), ...(pairingChange === 'update' || pairingChange === 'replace' ? pairingChanges : [])];
    reports.push({ ...base, unit: unitChange, org: orgChange, pairing: pairingChange, changedFields: [...new Set(changedInPlace.map((change) => change.field))], problems, notes });
    if (changes.length > 0) {
      audit.push({
        _id: `audit-${context.importId}-${parsed.row}`,
        row: parsed.row,
        at: context.now,
        actorId: context.actor.id,
        actorName: context.actor.name,
        action: 'import.row',
        subjectType: 'pairing',
        subjectId: pairingAfter._id,
        subjectName: `${unitAfter.name} ↔ ${orgAfter.name}`,
        unitId: unitAfter._id,
        orgId: orgAfter._id,
        personId: null,
        streetIds: [...new Set([unitAfter.streetId, orgAfter.streetId, ...(unitBefore ? [unitBefore.streetId] : []), ...(orgBefore ? [orgBefore.streetId] : [])])],
        changes,
        note: `导入“${context.fileName}”第 ${parsed.row} 行`,
      });
    }
  }

  propagateCopies(planned, index);
  const hasProblems = table.fileProblems.length > 0 || reports.some((report) => report.problems.length > 0);
  const ops = hasProblems ? [] : [...planned.values()].filter((op) => op.before === null || !sameDocument(op.before, op.after)).sort((a, b) => a.row - b.row);
  return { year, rows: reports, ops, audit: hasProblems ? [] : audit, totals: totalsOf(reports, ops), canCommit: !hasProblems };
}

function checkYear(values: RowValues, year: number | null, thisYear: number, problem: (column: keyof RowValues, message: string) => void): void {
  if (values.year === undefined) return problem('year', '请填写年度');
  if (year !== null && values.year !== year) return problem('year', `年度（${values.year}）与表中第一行（${year}）不一致：一次只导入一个年度`);
  if (values.year < thisYear - 1 || values.year > thisYear + 1) problem('year', `只能导入 ${thisYear - 1}–${thisYear + 1} 年度的结对表`);
}

function keyOf(collection: PlanCollection, id: string): string {
  return `${collection}/${id}`;
}

/** Records the document's new state (merged with what the plan already has for it); answers what changes. */
function planDocument(planned: Map<string, PlanOp>, collection: PlanCollection, before: Doc | null, after: Doc & { _id: string }, row: number): EntityChange {
  const key = keyOf(collection, after._id);
  const earlier = planned.get(key);
  const op: PlanOp = { collection, id: after._id, before: earlier ? earlier.before : before, after: earlier ? { ...earlier.after, ...after } : after, row: earlier ? earlier.row : row };
  planned.set(key, op);
  if (op.before === null) return 'create';
  return sameDocument(op.before, op.after) ? 'unchanged' : 'update';
}

/** Pairings carry copies of their unit's and org's names and streets: keep every one of them in step. */
function propagateCopies(planned: Map<string, PlanOp>, index: Index): void {
  const changed = [...planned.values()];
  for (const op of changed) {
    if (op.collection === 'pairings' || op.before === null) continue;
    const nameChanged = op.before['name'] !== op.after['name'];
    const streetChanged = op.before['streetId'] !== op.after['streetId'];
    if (!nameChanged && !streetChanged) continue;
    const pairings = op.collection === 'units' ? index.pairingsOfUnit(op.id) : index.pairingsOfOrg(op.id);
    for (const pairing of pairings) {
      const current = planned.get(keyOf('pairings', pairing._id))?.after ?? pairing;
      const copies = op.collection === 'units' ? { unitName: op.after['name'], unitStreetId: op.after['streetId'] } : { orgName: op.after['name'], streetId: op.after['streetId'] };
      planDocument(planned, 'pairings', pairing, { ...(current as PairingRow), ...copies }, op.row);
    }
  }
  // New pairings of this plan were built from the new names already; ended ones too (merged above).
}

function dayBefore(date: string): string {
  const instant = parseChinaDate(date);
  return instant ? chinaDateString(new Date(instant.getTime() - 86_400_000)) : date;
}

function totalsOf(rows: readonly RowReport[], ops: readonly PlanOp[]): ImportTotals {
  const count = (collection: PlanCollection, created: boolean) => ops.filter((op) => op.collection === collection && (op.before === null) === created).length;
  const ended = ops.filter((op) => op.collection === 'pairings' && op.before !== null && op.before['endDate'] === null && op.after['endDate'] !== null).length;
  const errorRows = rows.filter((row) => row.problems.length > 0).length;
  const changedRows = rows.filter((row) => row.problems.length === 0 && (row.unit === 'create' || row.unit === 'update' || row.org === 'create' || row.org === 'update' || row.pairing !== 'unchanged')).length;
  return {
    rows: rows.length,
    errorRows,
    changedRows,
    unchangedRows: rows.length - errorRows - changedRows,
    unitsCreated: count('units', true),
    unitsUpdated: count('units', false),
    orgsCreated: count('orgs', true),
    orgsUpdated: count('orgs', false),
    pairingsCreated: count('pairings', true),
    pairingsUpdated: count('pairings', false) - ended,
    pairingsEnded: ended,
  };
}

export type { ParsedRow };
