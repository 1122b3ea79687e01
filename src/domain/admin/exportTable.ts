import { formatCsvRecord } from './csv';
import { neutraliseForCsv } from './cells';
import type { OrgRow, PairingRow, StreetRow, UnitRow } from './importTypes';
import type { ColumnKey, TableFileFormat } from './tableFormat';
import { choiceLabel, tableColumns } from './tableFormat';

export type ExportValue = string | number;
export type ExportRow = Readonly<Record<ColumnKey, ExportValue>>;

/**
 * The current pairing table, one row per pairing still running in the year, in the import's own
 * format: importing the export changes nothing. Sorted by unit code.
 */
export function exportRows(year: number, pairings: readonly PairingRow[], units: readonly UnitRow[], orgs: readonly OrgRow[], streets: readonly StreetRow[]): ExportRow[] {
  const unitById = new Map(units.map((unit) => [unit._id, unit]));
  const orgById = new Map(orgs.map((org) => [org._id, org]));
  const streetName = (id: string) => streets.find((street) => street._id === id)?.name ?? id;
  return pairings
    .filter((pairing) => pairing.year === year && pairing.endDate === null)
    .flatMap((pairing) => {
      const unit = unitById.get(pairing.unitId);
      const org = orgById.get(pairing.orgId);
      if (!unit || !org) return [];
      const row: ExportRow = {
        year,
        unitName: unit.name,
        unitCode: unit.code,
        unitLevel: choiceLabel('unitLevel', unit.level),
        unitStreet: streetName(unit.streetId),
        unitContact: unit.contactName ?? '',
        unitPhone: unit.contactPhone ?? '',
        orgName: org.name,
        orgCode: org.code,
        orgKind: choiceLabel('orgKind', org.kind),
        orgStreet: streetName(org.streetId),
        orgAddress: org.address,
        latitude: org.location.latitude,
        longitude: org.location.longitude,
        coordinateSystem: 'WGS-84',
        partyMembers: org.partyMembers,
        partyOrgForm: choiceLabel('partyOrgForm', org.partyOrgForm),
        orgContact: org.contactName ?? '',
        orgPhone: org.contactPhone ?? '',
        startDate: pairing.startDate,
      };
      return [row];
    })
    .sort((a, b) => (String(a.unitCode) < String(b.unitCode) ? -1 : String(a.unitCode) > String(b.unitCode) ? 1 : 0));
}

export const exportHeaders: readonly string[] = tableColumns.map((column) => column.header);

/**
 * The table as CSV for Excel and WPS: UTF-8 with a byte-order mark (so Chinese shows correctly),
 * CRLF, and text that a spreadsheet would run as a formula written with a leading apostrophe.
 */
export function toCsv(rows: readonly ExportRow[]): string {
  const lines = [formatCsvRecord([...exportHeaders])];
  for (const row of rows) lines.push(formatCsvRecord(tableColumns.map((column) => { const value = row[column.key]; return typeof value === 'number' ? String(value) : neutraliseForCsv(value); })));
  return `\ufeff${lines.join('')}`;
}

/** `结对共建工作安排表-2026.xlsx` */
export function exportFileName(year: number, format: TableFileFormat, template: boolean): string {
  return `${template ? '结对表模板' : '结对共建工作安排表'}-${year}.${format}`;
}
