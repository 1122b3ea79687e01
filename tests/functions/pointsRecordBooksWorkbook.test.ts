import ExcelJS from 'exceljs';
import { wxServerSdk } from '../../localcloud/sdk';
import { sheetNameFor } from '../../server/actions/points/recordBooksWorkbook';
import { chinaInstant } from '../../src/domain/time/chinaTime';
import { restoreClock, standAt } from '../support/clock';
import type { TestCloud } from '../support/testCloud';
import { dataOf, openTestCloud } from '../support/testCloud';

/** Issue 12 item 9: all record books of a scope in one workbook with a Chinese name, one sheet per unit. */
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

it('gives a street office every record book of its street as one workbook named 2026年度积分行动记录本（龙城街道）.xlsx', async () => {
  const table = dataOf(await t.call(STREET, 'points.table', {}));
  const answer = dataOf(await t.call(STREET, 'points.exportRecordBooks', {}));
  expect({ done: answer.done, total: answer.total, names: answer.files.map((file) => file.fileName) }).toEqual({ done: table.rows.length, total: table.rows.length, names: ['2026年度积分行动记录本（龙城街道）.xlsx'] });
  expect(decodeURIComponent(new URL(answer.files[0]!.url).pathname.split('/').pop()!)).toBe('2026年度积分行动记录本（龙城街道）.xlsx');
  const workbook = await workbookOf(answer.files[0]!.fileID);
  const names = workbook.worksheets.map((sheet) => sheet.name);
  expect(names[0]).toBe('目录');
  expect(names).toHaveLength(table.rows.length + 1);
  for (const row of table.rows) expect(names.some((name) => row.unitName.startsWith(name))).toBe(true);
  const book = workbook.getWorksheet(names.find((name) => name === '区发展和改革局')!)!;
  expect(book.getCell('A1').value).toBe('区发展和改革局 2026年度结对共建、创先争优工作积分行动记录本');
  expect((book.getRow(4).values as unknown[]).slice(1, 3)).toEqual(['日期', '类型']);
  expect(book.rowCount).toBeGreaterThan(4);
});

it('gives the district one workbook of the district, and one unit its full book', async () => {
  const district = dataOf(await t.call(DISTRICT, 'points.exportRecordBooks', {}));
  expect(district.files.map((file) => file.fileName)).toEqual(['2026年度积分行动记录本（龙岗区）.xlsx']);
  const one = dataOf(await t.call(DISTRICT, 'points.exportRecordBooks', { unitIds: ['unit-001'] }));
  expect(one.files.map((file) => file.fileName)).toEqual(['2026年度积分行动记录本（区发展和改革局）.xlsx']);
  expect((await workbookOf(one.files[0]!.fileID)).worksheets.map((sheet) => sheet.name)).toEqual(['积分行动记录本', '积分明细', '年度节奏']);
});

it('names sheets as Excel accepts them: at most 31 characters, none of []:*?/\\, unique', () => {
  const taken = new Set<string>(['目录']);
  const long = '深圳市龙岗区某某某某某某某某某某某某某某某某某某某某某某某某某某某局';
  const names = [sheetNameFor(long, taken), sheetNameFor(long, taken), sheetNameFor('区[办]:*?/\\室', taken), sheetNameFor('目录', taken), sheetNameFor('  ', taken)];
  for (const name of names) {
    expect([...name].length).toBeLessThanOrEqual(31);
    expect(name).not.toMatch(/[[\]:*?/\\]/);
    expect(name.trim()).not.toBe('');
  }
  expect(new Set(names.map((name) => name.toLowerCase())).size).toBe(names.length);
  expect(names[1]).toMatch(/（2）$/);
  expect(names[2]).toBe('区_办______室');
});
