import ExcelJS from 'exceljs';
import { wxServerSdk } from '../../localcloud/sdk';
import { chinaInstant } from '../../src/domain/time/chinaTime';
import { visitRecord } from '../support/builders';
import { restoreClock, standAt } from '../support/clock';
import type { TestCloud } from '../support/testCloud';
import { dataOf, openTestCloud } from '../support/testCloud';

/** Exports an office files and prints: the points table and each unit's record book (积分行动记录本). */
const WORKER = 'demo-liming';
const LEADER = 'demo-wangfang';
const STREET = 'demo-sunli';
const DISTRICT = 'demo-zhoutao';

let t: TestCloud;
beforeAll(async () => {
  standAt(chinaInstant(2026, 11, 20, 10));
  t = await openTestCloud();
});
afterAll(() => {
  t.close();
  restoreClock();
});

async function workbookOf(fileID: string): Promise<ExcelJS.Workbook> {
  const { fileContent } = (await wxServerSdk().downloadFile({ fileID })) as { fileContent: Buffer };
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(fileContent as unknown as ArrayBuffer);
  return workbook;
}

describe('the points table as Excel', () => {
  it('opens as a valid workbook with one row per unit and the totals of the screen', async () => {
    const screen = dataOf(await t.call(DISTRICT, 'points.table', {}));
    const file = dataOf(await t.call(DISTRICT, 'points.exportTable', {}));
    expect(file).toMatchObject({ fileName: '2026年度积分表（龙岗区）.xlsx', rows: screen.rows.length });
    expect(file.url).toMatch(/\/__local\/files\/exports\/points\/2026\/[0-9a-f]{16}\/.+\.xlsx\?e=\d+&s=[0-9a-f]+$/);
    // The link ends with the file's Chinese name, so what a browser or WeChat saves is called what it is.
    expect(decodeURIComponent(new URL(file.url).pathname.split('/').pop()!)).toBe('2026年度积分表（龙岗区）.xlsx');
    const workbook = await workbookOf(file.fileID);
    const sheet = workbook.getWorksheet('积分表')!;
    expect(sheet.getCell('A1').value).toBe('龙岗区2026年度结对共建积分表');
    const header = (sheet.getRow(4).values as unknown[]).slice(1);
    expect(header.slice(0, 5)).toEqual(['序号', '单位编码', '单位', '所在街道', '结对组织']);
    const totalColumn = header.indexOf('总积分') + 1;
    const byName = new Map<string, number>();
    for (let row = 5; row < 5 + screen.rows.length; row += 1) byName.set(String(sheet.getRow(row).getCell(3).value), Number(sheet.getRow(row).getCell(totalColumn).value));
    for (const row of screen.rows) expect(byName.get(row.unitName)).toBe(row.total);
    expect(workbook.getWorksheet('积分规则')!.rowCount).toBeGreaterThan(20);
  });

  it('is limited to a street for a street office, and refused to units', async () => {
    const file = dataOf(await t.call(STREET, 'points.exportTable', {}));
    expect(file.fileName).toBe('2026年度积分表（龙城街道）.xlsx');
    expect(file.rows).toBe(dataOf(await t.call(STREET, 'points.table', {})).rows.length);
    const unit = await t.call(WORKER, 'points.exportTable', {});
    expect(unit.ok ? 'ok' : unit.error.code).toBe('FORBIDDEN');
  });
});

describe('record books', () => {
  it('writes text beginning with = + - @ as text, never as a formula', async () => {
    const saved = dataOf(
      await t.call(
        WORKER,
        'records.save',
        visitRecord(t.district.pairings[0]!._id, '2026-11-10', { content: '=HYPERLINK("http://example.com","点我")', results: '+SUM(1,2)', participants: { unit: { count: 1, names: ['@李明'] }, org: { count: 1, names: ['-王芳'] } } }),
      ),
    );
    const submitted = dataOf(await t.call(WORKER, 'records.submit', { recordId: saved.record.id, revision: 1 }));
    dataOf(await t.call(LEADER, 'records.confirm', { token: submitted.link.token }));
    const { files, done, total } = dataOf(await t.call(DISTRICT, 'points.exportRecordBooks', { unitIds: ['unit-001'] }));
    expect({ done, total, names: files.map((file) => file.fileName) }).toEqual({ done: 1, total: 1, names: ['2026年度积分行动记录本（区发展和改革局）.xlsx'] });
    const sheet = (await workbookOf(files[0]!.fileID)).getWorksheet('积分行动记录本')!;
    const cells: ExcelJS.Cell[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => cells.push(cell)));
    const find = (text: string) => cells.find((cell) => typeof cell.value === 'string' && cell.value.startsWith(text));
    for (const text of ['=HYPERLINK', '+SUM', '单位 1人（@李明）']) {
      const cell = find(text)!;
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.formula).toBeUndefined();
    }
    expect(find('=HYPERLINK')!.numFmt).toBe('@');
    expect(cells.some((cell) => cell.type === ExcelJS.ValueType.Formula)).toBe(false);
  });

  it('exports a scope’s record books as one workbook (pointsRecordBooksWorkbook.test.ts), and gives the printable book', async () => {
    const books = dataOf(await t.call(STREET, 'points.exportRecordBooks', {}));
    expect(books.total).toBe(dataOf(await t.call(STREET, 'points.table', {})).rows.length);
    expect({ done: books.done, files: books.files.length }).toEqual({ done: books.total, files: 1 });
    const outside = await t.call(STREET, 'points.exportRecordBooks', { unitIds: ['unit-003'] });
    expect(outside.ok ? 'ok' : outside.error.message).toBe('所选单位不在您的范围内');

    const book = dataOf(await t.call(STREET, 'points.recordBook', { unitId: 'unit-001' }));
    expect(book.unitName).toBe('区发展和改革局');
    expect(book.entries.every((entry) => entry.state !== 'draft')).toBe(true);
    const confirmedVisit = book.entries.find((entry) => entry.kind === 'monthlyVisit' && entry.state === 'confirmed')!;
    expect(confirmedVisit.confirmedBy).toBe('王芳');
    const sum = book.entries.reduce((total, entry) => total + entry.points, 0);
    expect(sum).toBeLessThanOrEqual(book.totals.earned);
    const other = await t.call('demo-chenjing', 'points.recordBook', { unitId: 'unit-001' });
    expect(other.ok ? 'ok' : other.error.code).toBe('NOT_FOUND');
  });
});
