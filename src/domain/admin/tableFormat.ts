import { orgKinds, partyOrgForms, unitLevels } from '../catalog/organisations';

/**
 * The pairing table (the notice's appendix 1, 结对共建工作安排表) as the import reads it and the export
 * writes it: one row per pairing, these columns, in this order. Only 年度、单位名称、组织名称 must be
 * present; a blank cell keeps what the system already has.
 */
export const tableColumns = [
  { key: 'year', header: '年度', kind: 'integer', required: true },
  { key: 'unitName', header: '单位名称', kind: 'text', required: true, max: 60 },
  { key: 'unitCode', header: '单位编码', kind: 'code', max: 32 },
  { key: 'unitLevel', header: '单位层级', kind: 'choice' },
  { key: 'unitStreet', header: '单位所在街道', kind: 'text', max: 30 },
  { key: 'unitContact', header: '单位联系人', kind: 'text', max: 20 },
  { key: 'unitPhone', header: '单位联系电话', kind: 'phone' },
  { key: 'orgName', header: '组织名称', kind: 'text', required: true, max: 60 },
  { key: 'orgCode', header: '组织编码', kind: 'code', max: 32 },
  { key: 'orgKind', header: '组织类型', kind: 'choice' },
  { key: 'orgStreet', header: '组织所在街道', kind: 'text', max: 30 },
  { key: 'orgAddress', header: '组织地址', kind: 'text', max: 120 },
  { key: 'latitude', header: '纬度', kind: 'decimal' },
  { key: 'longitude', header: '经度', kind: 'decimal' },
  { key: 'coordinateSystem', header: '坐标系', kind: 'choice' },
  { key: 'partyMembers', header: '党员人数', kind: 'integer' },
  { key: 'partyOrgForm', header: '党组织形式', kind: 'choice' },
  { key: 'orgContact', header: '组织联系人', kind: 'text', max: 20 },
  { key: 'orgPhone', header: '组织联系电话', kind: 'phone' },
  { key: 'startDate', header: '结对开始日期', kind: 'date' },
] as const;

export type ColumnKey = (typeof tableColumns)[number]['key'];
export type ColumnSpec = (typeof tableColumns)[number];

export const headerOf = Object.fromEntries(tableColumns.map((column) => [column.key, column.header])) as Record<ColumnKey, string>;

/** Other spellings people use for a header (full-width brackets, older forms). */
export const headerAliases: Readonly<Record<string, ColumnKey>> = {
  年份: 'year',
  机关事业单位: 'unitName',
  机关事业单位名称: 'unitName',
  单位: 'unitName',
  所属街道: 'unitStreet',
  单位街道: 'unitStreet',
  两新组织名称: 'orgName',
  '“两新”组织名称': 'orgName',
  '"两新"组织名称': 'orgName',
  结对组织: 'orgName',
  结对组织名称: 'orgName',
  组织街道: 'orgStreet',
  地址: 'orgAddress',
  '纬度（WGS-84）': 'latitude',
  '经度（WGS-84）': 'longitude',
  开始日期: 'startDate',
};

const choices = {
  unitLevel: unitLevels,
  orgKind: orgKinds,
  partyOrgForm: partyOrgForms,
  coordinateSystem: { wgs84: 'WGS-84', gcj02: 'GCJ-02' },
} as const;

export type ChoiceKey = keyof typeof choices;

/** A label back to its id: exact label, id, or a label without punctuation and spaces. */
export function choiceOf(key: ChoiceKey, text: string): string | undefined {
  const wanted = squash(text);
  const options = choices[key] as Record<string, string>;
  for (const [id, label] of Object.entries(options)) {
    if (squash(label) === wanted || squash(id) === wanted) return id;
  }
  if (key === 'coordinateSystem' && /^(gps|wgs84|wgs)$/.test(wanted)) return 'wgs84';
  if (key === 'coordinateSystem' && /^(gcj|gcj02|火星坐标|国测局)$/.test(wanted)) return 'gcj02';
  return undefined;
}

export function choiceLabels(key: ChoiceKey): string[] {
  return Object.values(choices[key] as Record<string, string>);
}

export function choiceLabel(key: ChoiceKey, id: string): string {
  return (choices[key] as Record<string, string>)[id] ?? id;
}

function squash(text: string): string {
  return text.replace(/[\s、，,。.“”"（）()\-_]/g, '').toLowerCase();
}

/** Limits of one import. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 5000;
/** The header is looked for in the first rows (a title row may come first). */
export const HEADER_SEARCH_ROWS = 10;

/** The file formats the pairing table is imported from and exported to. */
export const tableFileFormats = ['xlsx', 'csv'] as const;
export type TableFileFormat = (typeof tableFileFormats)[number];
