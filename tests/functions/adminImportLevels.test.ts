import { chinaInstant } from '../../src/domain/time/chinaTime';
import { restoreClock, standAt } from '../support/clock';
import type { TestCloud } from '../support/testCloud';
import { openTestCloud } from '../support/testCloud';
import { generatedRow, report, xlsxOf } from './adminFixture';

/**
 * Issue 12, "Clearer refusals": a unit level the table format does not know ("街道机关", short for the
 * option "街道机关、事业单位") refuses that row with the exact options, each readable as one option.
 */
let t: TestCloud;
beforeAll(async () => {
  standAt(chinaInstant(2026, 6, 10, 10));
  t = await openTestCloud();
});
afterAll(() => {
  t.close();
  restoreClock();
});

it('refuses the row with 单位层级 “街道机关”, naming the five options exactly and the one it was likely meant as', async () => {
  const rows = [generatedRow(0), { ...generatedRow(1), 单位层级: '街道机关' }, { ...generatedRow(2), 单位层级: '乡镇' }];
  const data = await report(t, 'demo-zhoutao', await xlsxOf(rows), '2026结对表.xlsx');
  expect(data.canCommit).toBe(false);
  const problemsOf = (rowNumber: number) => data.rows.find((row) => row.row === rowNumber)?.problems.map((problem) => problem.message) ?? [];
  expect(problemsOf(2)).toEqual([]);
  const options = '可填：区直单位、驻区单位、副处级以上事业单位、“街道机关、事业单位”、驻街单位（共 5 项，须与其中一项完全相同）';
  expect(problemsOf(3)).toEqual([`“街道机关”不是可选的值，${options}；若指“街道机关、事业单位”，请照此填写`]);
  expect(problemsOf(4)).toEqual([`“乡镇”不是可选的值，${options}`]);
});
