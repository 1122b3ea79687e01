import ExcelJS from 'exceljs';
import type { MergedRange, SheetCell, SheetGrid } from '../../../../src/domain/admin/cells';
import { emptyCell, gridFromCsv, textCell } from '../../../../src/domain/admin/cells';
import { parseCsv } from '../../../../src/domain/admin/csv';
import type { ExportRow } from '../../../../src/domain/admin/exportTable';
import { exportHeaders } from '../../../../src/domain/admin/exportTable';
import { choiceLabels, MAX_IMPORT_ROWS, tableColumns } from '../../../../src/domain/admin/tableFormat';

/**
 * The file adapter of the import and export: bytes of an .xlsx or a CSV in, a grid of cells out
 * (and back). Nothing in the file is evaluated: formulas arrive as formulas, and are reported.
 */
export type SpreadsheetRead =
  | { readonly ok: true; readonly format: 'xlsx' | 'csv'; readonly grid: SheetGrid; readonly warnings: readonly string[] }
  | { readonly ok: false; readonly problem: string };

const notSpreadsheet = '这不是电子表格文件：请上传 Excel 文件（.xlsx）或 CSV 文件（.csv）';

export async function readSpreadsheet(content: Buffer, fileName: string): Promise<SpreadsheetRead> {
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (content.length === 0) return { ok: false, problem: '文件是空的' };
  if (startsWith(content, [0x50, 0x4b, 0x03, 0x04])) return readXlsx(content);
  if (startsWith(content, [0xd0, 0xcf, 0x11, 0xe0])) return { ok: false, problem: '这是旧版 Excel 文件（.xls 或 .et），请在 Excel 或 WPS 中“另存为”.xlsx 后再导入' };
  if (startsWith(content, [0x25, 0x50, 0x44, 0x46]) || startsWith(content, [0x89, 0x50, 0x4e, 0x47]) || startsWith(content, [0xff, 0xd8, 0xff]) || startsWith(content, [0x47, 0x49, 0x46])) {
    return { ok: false, problem: notSpreadsheet };
  }
  if (extension === 'xlsx') return { ok: false, problem: '文件扩展名是 .xlsx，但内容不是 Excel 文件，可能已损坏' };
  if (extension !== 'csv' && extension !== 'txt') return { ok: false, problem: notSpreadsheet };
  return readCsv(content);
}

function startsWith(content: Buffer, bytes: readonly number[]): boolean {
  return bytes.every((byte, index) => content[index] === byte);
}

function readCsv(content: Buffer): SpreadsheetRead {
  if (content.includes(0)) return { ok: false, problem: notSpreadsheet };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    // Excel and WPS on Chinese Windows save "CSV (逗号分隔)" in GBK.
    text = new TextDecoder('gb18030').decode(content);
  }
  const parsed = parseCsv(text);
  if (!parsed.ok) return { ok: false, problem: `CSV 文件第 ${parsed.line} 行格式有误：${parsed.problem}` };
  if (parsed.records.length > MAX_IMPORT_ROWS + 20) return { ok: false, problem: `数据行太多（超过 ${MAX_IMPORT_ROWS} 行），请分成几个文件` };
  return { ok: true, format: 'csv', grid: gridFromCsv(parsed.records), warnings: [] };
}

async function readXlsx(content: Buffer): Promise<SpreadsheetRead> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content);
  } catch {
    return { ok: false, problem: '无法读取这个 Excel 文件：文件可能已损坏，或不是 .xlsx 格式' };
  }
  const sheets = workbook.worksheets.filter((sheet) => sheet.actualRowCount > 0);
  if (sheets.length === 0) return { ok: false, problem: 'Excel 文件中没有任何数据' };
  const sheet = sheets.find(hasTableHeader) ?? sheets[0]!;
  if (sheet.rowCount > MAX_IMPORT_ROWS + 20) return { ok: false, problem: `数据行太多（超过 ${MAX_IMPORT_ROWS} 行），请分成几个文件` };
  const merged = (sheet.model.merges ?? []).map(decodeRange).filter((range): range is MergedRange => range !== undefined);
  const rows: SheetCell[][] = [];
  const columns = Math.min(sheet.columnCount, 200);
  for (let rowNumber = 1; rowNumber <= sheet.rowCount; rowNumber += 1) {
    const row = sheet.getRow(rowNumber);
    const cells: SheetCell[] = [];
    for (let column = 1; column <= columns; column += 1) cells.push(cellOf(row.getCell(column)));
    rows.push(cells);
  }
  const others = sheets.filter((other) => other !== sheet && other.name !== '填写说明');
  const warnings = others.length > 0 ? [`文件有 ${others.length + 1} 个工作表，只读取了“${sheet.name}”`] : [];
  return { ok: true, format: 'xlsx', grid: { rows, merged }, warnings };
}

function hasTableHeader(sheet: ExcelJS.Worksheet): boolean {
  for (let rowNumber = 1; rowNumber <= Math.min(sheet.rowCount, 10); rowNumber += 1) {
    const texts = (sheet.getRow(rowNumber).values as unknown[]).map((value) => (typeof value === 'string' ? value.replace(/\s/g, '') : ''));
    if (texts.includes('单位名称') || texts.includes('组织名称')) return true;
  }
  return false;
}

function cellOf(cell: ExcelJS.Cell): SheetCell {
  const source = cell.type === ExcelJS.ValueType.Merge ? cell.master : cell;
  const value = source.value;
  switch (source.type) {
    case ExcelJS.ValueType.Null:
      return emptyCell;
    case ExcelJS.ValueType.Number:
      return { kind: 'number', value: value as number };
    case ExcelJS.ValueType.String:
    case ExcelJS.ValueType.SharedString:
      return textCell(String(value));
    case ExcelJS.ValueType.Date: {
      const date = value as Date;
      return { kind: 'date', date: `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}-${String(date.getUTCDate()).padStart(2, '0')}` };
    }
    case ExcelJS.ValueType.Hyperlink:
      return textCell(String((value as ExcelJS.CellHyperlinkValue).text ?? ''));
    case ExcelJS.ValueType.RichText:
      return textCell((value as ExcelJS.CellRichTextValue).richText.map((part) => part.text).join(''));
    case ExcelJS.ValueType.Formula: {
      const formula = value as { formula?: string; sharedFormula?: string };
      return { kind: 'formula', formula: formula.formula ?? formula.sharedFormula ?? '' };
    }
    case ExcelJS.ValueType.Boolean:
      return textCell(value ? 'TRUE' : 'FALSE');
    case ExcelJS.ValueType.Error:
      return { kind: 'error', text: String((value as ExcelJS.CellErrorValue).error ?? '#ERROR') };
    default:
      return textCell(String(value ?? ''));
  }
}

function decodeRange(range: string): MergedRange | undefined {
  const match = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(range);
  if (!match) return undefined;
  return { left: columnNumber(match[1]!), top: Number(match[2]), right: columnNumber(match[3]!), bottom: Number(match[4]) };
}

function columnNumber(letters: string): number {
  return [...letters].reduce((total, letter) => total * 26 + letter.charCodeAt(0) - 64, 0);
}

/**
 * The table as .xlsx: the data sheet first (header in row 1, so it imports back as is), then a sheet
 * explaining the columns. Every text is written as a string value, never as a formula.
 */
export async function writeXlsx(rows: readonly ExportRow[], year: number): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '共建';
  const sheet = workbook.addWorksheet(`${year}年度结对表`, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = tableColumns.map((column) => ({ header: column.header, key: column.key, width: Math.max(10, column.header.length * 2 + 4) }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(tableColumns.map((column) => row[column.key]));
  const guide = workbook.addWorksheet('填写说明');
  guide.addRow(['列名', '说明']).font = { bold: true };
  for (const [header, note] of columnNotes()) guide.addRow([header, note]);
  guide.getColumn(1).width = 16;
  guide.getColumn(2).width = 80;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function columnNotes(): Array<[string, string]> {
  const notes: Record<string, string> = {
    年度: '必填。一次只导入一个年度，如 2026',
    单位名称: '必填。按编码、其次按名称找到已有单位；找不到则新建',
    单位编码: '选填。系统导出的编码；填写后按编码匹配，名称不同即为更名',
    单位层级: `新单位必填：${choiceLabels('unitLevel').join('、')}`,
    单位所在街道: '新单位必填，填街道名称，如 龙城街道',
    组织名称: '必填',
    组织类型: `新组织必填：${choiceLabels('orgKind').join('、')}`,
    组织所在街道: '新组织必填',
    纬度: '新组织必填，十进制度，如 22.720512',
    经度: '新组织必填，十进制度，如 114.246812',
    坐标系: '选填：WGS-84（默认，GPS）或 GCJ-02（腾讯、高德地图取点）',
    党员人数: '选填，整数',
    党组织形式: `选填：${choiceLabels('partyOrgForm').join('、')}`,
    结对开始日期: '选填，如 2026-01-01；更换结对组织时为新结对的开始日期',
  };
  return exportHeaders.map((header) => [header, notes[header] ?? '选填。留空表示保持系统中的现有值']);
}
