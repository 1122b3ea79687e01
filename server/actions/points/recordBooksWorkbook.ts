import ExcelJS from 'exceljs';
import type { RecordBookView } from '../../../src/contract/points';
import { contentAreas, recordKinds } from '../../../src/domain/records/catalog';
import { recordStates } from '../../../src/domain/records/stateMachine';
import { putText } from './workbooks';

/** Excel's rules for a sheet name: at most 31 characters, none of []:*?/\, not blank, unique (case-insensitive). */
export const SHEET_NAME_MAX = 31;
const FORBIDDEN = /[[\]:*?/\\]/g;

/** A valid, unique sheet name for `wanted` among `taken` (lower-cased names already used; the name is added). */
export function sheetNameFor(wanted: string, taken: Set<string>): string {
  const clean = wanted.replace(FORBIDDEN, '_').replace(/^'+|'+$/g, '').trim() || '单位';
  const fit = (text: string, suffix: string) => [...text].slice(0, SHEET_NAME_MAX - [...suffix].length).join('') + suffix;
  let name = fit(clean, '');
  for (let serial = 2; taken.has(name.toLowerCase()); serial += 1) name = fit(clean, `（${serial}）`);
  taken.add(name.toLowerCase());
  return name;
}

const labels = ['日期', '类型', '结对组织', '共建内容', '工作内容', '参加人员', '具体成效', '状态', '确认人（两新组织党组织负责人）', '确认时间', '积分'];
const widths = [12, 16, 22, 24, 40, 20, 40, 10, 16, 18, 8];

/**
 * Every record book of a scope in one workbook: a 目录 sheet (unit, sheet, points), then one sheet per
 * unit with its records, as the one-unit record book's first sheet (workbooks.ts) lays them out.
 */
export function recordBooksWorkbook(input: { readonly title: string; readonly generatedOn: string; readonly books: readonly RecordBookView[] }): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '共建';
  const contents = workbook.addWorksheet('目录');
  const taken = new Set(['目录']);
  putText(contents.addRow([]).getCell(1), input.title);
  contents.getRow(1).font = { bold: true, size: 14 };
  putText(contents.addRow([]).getCell(1), `生成日期：${input.generatedOn}　单位 ${input.books.length} 个（每个单位一个工作表）`);
  contents.addRow([]);
  const head = contents.addRow(['序号', '单位', '工作表', '记录数', '总积分']);
  head.font = { bold: true };
  input.books.forEach((book, index) => {
    const name = sheetNameFor(book.unitName, taken);
    const row = contents.addRow([index + 1, null, null, book.entries.length, book.totals.total]);
    putText(row.getCell(2), book.unitName);
    putText(row.getCell(3), name);
    writeBook(workbook.addWorksheet(name), book, input.generatedOn);
  });
  contents.columns.forEach((column, index) => {
    column.width = [8, 30, 30, 10, 10][index] ?? 12;
  });
  return workbook;
}

function writeBook(sheet: ExcelJS.Worksheet, book: RecordBookView, generatedOn: string): void {
  const text = (row: ExcelJS.Row, values: ReadonlyArray<string | number>) =>
    values.forEach((value, index) => {
      if (typeof value === 'string') putText(row.getCell(index + 1), value);
      else row.getCell(index + 1).value = value;
    });
  const title = sheet.addRow([]);
  text(title, [`${book.unitName} ${book.year}年度结对共建、创先争优工作积分行动记录本`]);
  title.font = { bold: true, size: 14 };
  text(sheet.addRow([]), [`结对组织：${book.pairings.map((pairing) => `${pairing.orgName}（${pairing.startDate} 起${pairing.endDate ? `，${pairing.endDate} 止` : ''}）`).join('；')}　生成日期：${generatedOn}　总积分：${book.totals.total}`]);
  sheet.addRow([]);
  const head = sheet.addRow([...labels]);
  head.font = { bold: true };
  for (const entry of book.entries) {
    const row = sheet.addRow([]);
    text(row, [
      entry.date,
      recordKinds[entry.kind],
      entry.orgName,
      entry.contentAreas.map((area) => contentAreas[area]).join('\n'),
      entry.content,
      entry.participants,
      entry.results,
      `${recordStates[entry.state]}${entry.paper ? '（办公室补录）' : ''}`,
      entry.confirmedBy ?? '',
      entry.confirmedAt ?? '',
      entry.points,
    ]);
    row.alignment = { wrapText: true, vertical: 'top' };
  }
  if (book.entries.length === 0) text(sheet.addRow([]), ['本年度暂无记录']);
  sheet.columns.forEach((column, index) => {
    column.width = widths[index] ?? 12;
  });
}
