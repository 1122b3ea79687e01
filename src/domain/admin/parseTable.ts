import type { OrgKind, PartyOrgForm, UnitLevel } from '../catalog/organisations';
import { parseChinaDate } from '../time/chinaTime';
import type { SheetCell, SheetGrid } from './cells';
import { columnLetters, rangeLabel } from './cells';
import type { CoordinateSystem } from './coordinates';
import type { ColumnKey, ColumnSpec } from './tableFormat';
import { choiceLabels, choiceOf, HEADER_SEARCH_ROWS, headerAliases, MAX_IMPORT_ROWS, tableColumns } from './tableFormat';

/** What one row of the pairing table says, typed; absent = blank cell (keep what the system has). */
export interface RowValues {
  year?: number;
  unitName?: string;
  unitCode?: string;
  unitLevel?: UnitLevel;
  unitStreet?: string;
  unitContact?: string;
  unitPhone?: string;
  orgName?: string;
  orgCode?: string;
  orgKind?: OrgKind;
  orgStreet?: string;
  orgAddress?: string;
  latitude?: number;
  longitude?: number;
  coordinateSystem?: CoordinateSystem;
  partyMembers?: number;
  partyOrgForm?: PartyOrgForm;
  orgContact?: string;
  orgPhone?: string;
  startDate?: string;
}

export interface RowProblem {
  /** The column's header, when the problem is about one cell. */
  readonly column?: string;
  readonly message: string;
}

export interface ParsedRow {
  /** The spreadsheet's own row number (1-based), as people see it. */
  readonly row: number;
  readonly values: RowValues;
  readonly problems: RowProblem[];
  /** Equal for rows with the same content (duplicate rows). */
  readonly signature: string;
}

export interface ParsedTable {
  readonly rows: ParsedRow[];
  /** Problems with the whole file (no header, missing columns, too many rows): nothing can be imported. */
  readonly fileProblems: string[];
  /** Worth knowing, not blocking (ignored columns, skipped blank rows). */
  readonly warnings: string[];
  readonly blankRows: number;
}

/** Reads a grid as the pairing table: finds the header, maps the columns, types every cell. */
export function parseTable(grid: SheetGrid): ParsedTable {
  const header = findHeader(grid);
  if (!header) {
    return { rows: [], fileProblems: ['找不到表头：表格前几行中应有一行列名，至少包括“年度”“单位名称”“组织名称”。请使用导出的模板。'], warnings: [], blankRows: 0 };
  }
  const fileProblems: string[] = [];
  const warnings: string[] = [];
  const columns = new Map<number, ColumnSpec>();
  const seen = new Map<ColumnKey, number>();
  header.cells.forEach((cell, index) => {
    const text = headerText(cell);
    if (text === '') return;
    const key = keyOfHeader(text);
    if (!key) {
      warnings.push(`“${text}”（${columnLetters(index + 1)} 列）不是结对表的列，已忽略`);
      return;
    }
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      fileProblems.push(`“${specOf(key).header}”列出现了两次（${columnLetters(earlier + 1)} 列和 ${columnLetters(index + 1)} 列）`);
      return;
    }
    seen.set(key, index);
    columns.set(index, specOf(key));
  });
  const missing = tableColumns.filter((column) => 'required' in column && column.required && !seen.has(column.key)).map((column) => `“${column.header}”`);
  if (missing.length > 0) fileProblems.push(`缺少必需的列：${missing.join('、')}`);
  for (const range of grid.merged) {
    if (range.top <= header.row && range.bottom >= header.row) fileProblems.push(`表头有合并单元格（${rangeLabel(range)}），请取消合并，每列一个列名`);
  }

  const rows: ParsedRow[] = [];
  let blankRows = 0;
  for (let index = header.row; index < grid.rows.length; index += 1) {
    const cells = grid.rows[index] ?? [];
    const rowNumber = index + 1;
    const mapped = [...columns.entries()].map(([column, spec]) => ({ column, spec, cell: cells[column] ?? { kind: 'empty' as const } }));
    if (mapped.every(({ cell }) => isBlank(cell))) {
      blankRows += 1;
      continue;
    }
    rows.push(parseRow(rowNumber, mapped, grid));
  }
  if (rows.length > MAX_IMPORT_ROWS) fileProblems.push(`数据行太多（${rows.length} 行），一次最多导入 ${MAX_IMPORT_ROWS} 行，请分成几个文件`);
  if (rows.length === 0 && fileProblems.length === 0) fileProblems.push('表格中没有数据行');
  if (blankRows > 0) warnings.push(`跳过了 ${blankRows} 个空行`);
  return { rows, fileProblems, warnings, blankRows };
}

function findHeader(grid: SheetGrid): { row: number; cells: readonly SheetCell[] } | undefined {
  const limit = Math.min(grid.rows.length, HEADER_SEARCH_ROWS);
  for (let index = 0; index < limit; index += 1) {
    const cells = grid.rows[index] ?? [];
    const keys = cells.map((cell) => keyOfHeader(headerText(cell)));
    if (keys.includes('unitName') || keys.includes('orgName')) return { row: index + 1, cells };
  }
  return undefined;
}

function headerText(cell: SheetCell): string {
  const raw = cell.kind === 'text' ? cell.text : cell.kind === 'number' ? String(cell.value) : '';
  return raw.replace(/[\s*＊]/g, '');
}

function keyOfHeader(text: string): ColumnKey | undefined {
  if (text === '') return undefined;
  const normalised = text.replace(/（/g, '(').replace(/）/g, ')');
  const direct = tableColumns.find((column) => column.header === text || column.header === normalised);
  return direct?.key ?? headerAliases[text] ?? headerAliases[normalised];
}

function specOf(key: ColumnKey): ColumnSpec {
  return tableColumns.find((column) => column.key === key)!;
}

function isBlank(cell: SheetCell): boolean {
  return cell.kind === 'empty' || (cell.kind === 'text' && cell.text.trim() === '');
}

function parseRow(row: number, mapped: ReadonlyArray<{ column: number; spec: ColumnSpec; cell: SheetCell }>, grid: SheetGrid): ParsedRow {
  const values: Record<string, unknown> = {};
  const problems: RowProblem[] = [];
  const signature: string[] = [];
  for (const { column, spec, cell } of mapped) {
    const merged = grid.merged.find((range) => range.top <= row && range.bottom >= row && range.left <= column + 1 && range.right >= column + 1);
    if (merged && range(merged) > 1) {
      problems.push({ column: spec.header, message: `是合并单元格（${rangeLabel(merged)}），请取消合并并在每一行填写` });
      continue;
    }
    const parsed = parseCell(spec, cell);
    if ('problem' in parsed) problems.push({ column: spec.header, message: parsed.problem });
    else if (parsed.value !== undefined) values[spec.key] = parsed.value;
    signature.push(`${spec.key}=${JSON.stringify(values[spec.key] ?? null)}`);
  }
  return { row, values: values as RowValues, problems, signature: signature.sort().join('|') };
}

function range(merged: { top: number; bottom: number; left: number; right: number }): number {
  return (merged.bottom - merged.top + 1) * (merged.right - merged.left + 1);
}

type CellParse = { value: string | number | undefined } | { problem: string };

const fullWidthDigits = /[０-９．]/g;
function halfWidth(text: string): string {
  return text.replace(fullWidthDigits, (char) => (char === '．' ? '.' : String.fromCharCode(char.charCodeAt(0) - 0xfee0)));
}

function parseCell(spec: ColumnSpec, cell: SheetCell): CellParse {
  if (cell.kind === 'empty') return { value: undefined };
  if (cell.kind === 'formula') return { problem: '是公式，系统不计算公式：请在表格中复制该列，“选择性粘贴 → 数值”后再导入' };
  if (cell.kind === 'error') return { problem: `是错误值（${cell.text}），请改正` };
  const text = cell.kind === 'text' ? cell.text.trim() : cell.kind === 'number' ? numberText(cell.value) : cell.date;
  if (text === '') return { value: undefined };
  switch (spec.kind) {
    case 'text':
      return [...text].length > spec.max ? { problem: `不能超过 ${spec.max} 字` } : { value: text.replace(/\s+/g, ' ') };
    case 'code':
      if ([...text].length > spec.max) return { problem: `不能超过 ${spec.max} 个字符` };
      return /^[\w\-.]+$/.test(text) ? { value: text } : { problem: `“${text}”只能包含字母、数字、“-”“_”“.”` };
    case 'phone':
      return /^[0-9+\-() ]{3,20}$/.test(halfWidth(text)) ? { value: halfWidth(text) } : { problem: `“${text}”不是电话号码（只能有数字、空格、+、-、括号，最长 20 位）` };
    case 'integer': {
      if (cell.kind === 'number') return Number.isInteger(cell.value) && cell.value >= 0 ? { value: cell.value } : { problem: `应为不小于 0 的整数，现为 ${text}` };
      const normalised = halfWidth(text);
      return /^\d{1,9}$/.test(normalised) ? { value: Number(normalised) } : { problem: `应填整数，现为“${text}”` };
    }
    case 'decimal': {
      if (cell.kind === 'number') return { value: cell.value };
      const normalised = halfWidth(text);
      return /^\d{1,3}(\.\d+)?$/.test(normalised) ? { value: Number(normalised) } : { problem: `应填数字（度，如 22.7205），现为“${text}”` };
    }
    case 'date':
      if (cell.kind === 'date') return { value: cell.date };
      if (cell.kind === 'number') return { problem: `应填日期（如 2026-03-01），现为数字 ${text}` };
      return dateText(text);
    case 'choice': {
      const id = choiceOf(spec.key, text);
      return id !== undefined ? { value: id } : { problem: choiceProblem(spec.key, text) };
    }
  }
}

/**
 * Names every allowed option exactly; an option that itself holds a “、” is quoted so it reads as one
 * (“街道机关、事业单位”), and a text that is part of exactly one option is pointed to it.
 */
function choiceProblem(key: Parameters<typeof choiceLabels>[0], text: string): string {
  const labels = choiceLabels(key);
  const listed = labels.map((label) => (/[、，,]/.test(label) ? `“${label}”` : label)).join('、');
  const squashed = (value: string) => value.replace(/[\s、，,。.“”"（）()\-_]/g, '');
  const wanted = squashed(text);
  const near = wanted === '' ? [] : labels.filter((label) => squashed(label).includes(wanted) || wanted.includes(squashed(label)));
  const hint = near.length === 1 ? `；若指“${near[0]}”，请照此填写` : '';
  return `“${text}”不是可选的值，可填：${listed}（共 ${labels.length} 项，须与其中一项完全相同）${hint}`;
}

function numberText(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(15)));
}

function dateText(text: string): CellParse {
  const match = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(halfWidth(text));
  if (!match) return { problem: `应填日期（如 2026-03-01），现为“${text}”` };
  const value = `${match[1]}-${match[2]!.padStart(2, '0')}-${match[3]!.padStart(2, '0')}`;
  return parseChinaDate(value) ? { value } : { problem: `“${text}”不是真实的日期` };
}
