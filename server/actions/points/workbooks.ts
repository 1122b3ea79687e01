import ExcelJS from 'exceljs';
import type { RecordBookView, UnitTotalView } from '../../../src/contract/points';
import { calendarStatusLabels } from '../../../src/domain/points/calendar';
import type { PointLine } from '../../../src/domain/points/engine';
import { contentAreas, recordKinds } from '../../../src/domain/records/catalog';
import { recordStates } from '../../../src/domain/records/stateMachine';
import { periodLabel } from '../../../src/domain/time/periods';
import type { RuleSet } from '../../../src/domain/points/rules';
import { ruleLabel } from '../../../src/domain/points/rules';
import { versionLabel } from '../../../src/domain/points/versions';

/**
 * The office's files (exceljs): the points table and each unit's record book (积分行动记录本).
 * Every cell is a value, never a formula: text that begins with = + - @ is stored as text with the
 * text number format, so a record reading "=HYPERLINK(...)" can never run in a spreadsheet.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function putText(cell: ExcelJS.Cell, value: string): void {
  cell.value = value;
  if (FORMULA_START.test(value)) cell.numFmt = '@';
}

function putRow(sheet: ExcelJS.Worksheet, values: ReadonlyArray<string | number | null>): ExcelJS.Row {
  const row = sheet.addRow([]);
  values.forEach((value, index) => {
    const cell = row.getCell(index + 1);
    if (typeof value === 'string') putText(cell, value);
    else cell.value = value;
  });
  return row;
}

function heading(sheet: ExcelJS.Worksheet, title: string, subtitle: string, columns: number): void {
  putRow(sheet, [title]).font = { bold: true, size: 14 };
  sheet.mergeCells(1, 1, 1, Math.max(columns, 1));
  putRow(sheet, [subtitle]).font = { color: { argb: 'FF555555' } };
  sheet.addRow([]);
}

function headerRow(sheet: ExcelJS.Worksheet, labels: readonly string[]): void {
  const row = putRow(sheet, labels);
  row.font = { bold: true };
  row.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2DCDB' } };
    cell.border = { bottom: { style: 'thin' } };
  });
}

export const FORMULA_TEXT = '总积分 = 各项加分（每项不超过本项全年上限，合计不超过全年上限，按工作日期适用当时有效的规则版本）− 扣分（每项不超过扣分上限）';

export function pointsTableWorkbook(input: {
  readonly title: string;
  readonly generatedOn: string;
  readonly rankingsOn: boolean;
  readonly columns: ReadonlyArray<{ readonly key: string; readonly label: string }>;
  readonly rows: readonly UnitTotalView[];
  readonly versions: readonly RuleSet[];
}): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '共建';
  const sheet = workbook.addWorksheet('积分表');
  const labels = [input.rankingsOn ? '排名' : '序号', '单位编码', '单位', '所在街道', '结对组织', ...input.columns.map((column) => column.label), '加分合计', '扣分合计', '总积分', '待确认'];
  heading(sheet, input.title, `生成日期：${input.generatedOn}　单位 ${input.rows.length} 个${input.rankingsOn ? '　（区委党群共建办已开启本年度单位排名）' : ''}`, labels.length);
  headerRow(sheet, labels);
  input.rows.forEach((row, index) => {
    putRow(sheet, [
      input.rankingsOn && row.rank !== undefined ? row.rank : index + 1,
      row.unitCode,
      row.unitName,
      row.streetName,
      row.orgNames.join('、'),
      ...input.columns.map((column) => row.byRule[column.key] ?? 0),
      row.earned,
      row.deducted,
      row.total,
      row.pending,
    ]);
  });
  sheet.addRow([]);
  putRow(sheet, [`计算公式：${FORMULA_TEXT}`]);
  putRow(sheet, ['只计已确认的记录；待确认、有异议和修改中的记录确认后计分。']);
  sheet.columns.forEach((column, index) => {
    column.width = index === 2 || index === 4 ? 28 : index < 5 ? 12 : 10;
  });
  sheet.views = [{ state: 'frozen', ySplit: 4, xSplit: 3 }];

  const rules = workbook.addWorksheet('积分规则');
  heading(rules, '积分规则（各版本）', '规则自生效日期起适用，此前获得的积分按当时的规则计算', 6);
  headerRow(rules, ['版本', '生效日期', '项目', '每项分值', '迟报分值', '全年上限']);
  for (const version of input.versions) {
    for (const rule of version.rules) {
      putRow(rules, [versionLabel(version), version.effectiveFrom, ruleLabel(rule.target), rule.target.type === 'deduction' ? -rule.points : rule.points, rule.latePoints ?? null, rule.cap]);
    }
    putRow(rules, [versionLabel(version), version.effectiveFrom, '全年积分上限', null, null, version.yearCap]);
  }
  rules.columns.forEach((column, index) => {
    column.width = index === 2 ? 34 : 16;
  });
  return workbook;
}

export function recordBookWorkbook(book: RecordBookView, lines: readonly PointLine[], generatedOn: string): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '共建';
  const sheet = workbook.addWorksheet('积分行动记录本');
  const labels = ['日期', '类型', '结对组织', '共建内容', '工作内容', '参加人员', '具体成效', '状态', '确认人（两新组织党组织负责人）', '确认时间', '积分'];
  heading(sheet, `${book.unitName} ${book.year}年度结对共建、创先争优工作积分行动记录本`, `结对组织：${book.pairings.map((pairing) => `${pairing.orgName}（${pairing.startDate} 起${pairing.endDate ? `，${pairing.endDate} 止` : ''}）`).join('；')}　生成日期：${generatedOn}　总积分：${book.totals.total}`, labels.length);
  headerRow(sheet, labels);
  for (const entry of book.entries) {
    const row = putRow(sheet, [
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
  sheet.columns.forEach((column, index) => {
    column.width = [12, 16, 22, 24, 40, 20, 40, 10, 16, 18, 8][index] ?? 12;
  });

  const detail = workbook.addWorksheet('积分明细');
  heading(detail, '积分明细：每一分的来源', FORMULA_TEXT, 6);
  headerRow(detail, ['日期', '项目', '依据', '规则版本', '积分', '说明']);
  for (const line of lines) {
    const source = line.source.type === 'record' ? `记录 ${line.source.date} ${recordKinds[line.source.kind]}` : line.source.type === 'period' ? line.source.periodLabel : '评议结果';
    putRow(detail, [line.date, line.ruleLabel, source, line.versionLabel, line.points, line.note]);
  }
  putRow(detail, ['合计', '', '', '', book.totals.total, `加分 ${book.totals.earned}，扣分 ${book.totals.deducted}`]).font = { bold: true };
  detail.columns.forEach((column, index) => {
    column.width = [12, 28, 30, 24, 8, 60][index] ?? 12;
  });

  const cadence = workbook.addWorksheet('年度节奏');
  headerRow(cadence, ['周期', '项目', '情况']);
  for (const entry of [...book.calendar.months, ...book.calendar.quarters, book.calendar.summary]) {
    putRow(cadence, [periodLabel(entry.period), recordKinds[entry.item], calendarStatusLabels[entry.status]]);
  }
  cadence.columns.forEach((column) => {
    column.width = 20;
  });
  return workbook;
}

export async function workbookBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
