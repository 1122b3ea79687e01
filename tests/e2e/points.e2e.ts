import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Session } from './support/browser';
import { openBrowser } from './support/browser';

jest.setTimeout(300_000);

/**
 * Points in Chromium against the real local product. The district office (周涛) generates the last
 * quarter's inspection bulletin from the demo district's records, edits it and publishes it; 李明's
 * unit reads it with its own line marked; the office downloads the points table and it opens as a
 * workbook whose totals are those on the screen.
 */
let office: Session;
let unit: Session;
const editedTitle = '关于第三季度结对共建督办检查情况的通报';

async function signedIn(openid: string): Promise<Session> {
  const session = await openBrowser();
  const response = await session.context.request.post('/__local/signin', { data: { openid } });
  expect(response.ok()).toBe(true);
  return session;
}

beforeAll(async () => {
  [office, unit] = await Promise.all([signedIn('demo-zhoutao'), signedIn('demo-liming')]);
});
afterAll(async () => {
  await Promise.all([office?.close(), unit?.close()]);
});

describe('the quarterly bulletin and the points table', () => {
  it('the district office generates the last quarter’s bulletin, edits it and publishes it', async () => {
    const { page } = office;
    await page.goto('/#/pages-office/bulletins/index');
    await page.locator('#generate-bulletin').waitFor();
    await page.locator('#generate-bulletin').click();
    const title = page.locator('#field-title input');
    await title.waitFor();
    expect(await title.inputValue()).toMatch(/^龙岗区\d{4}年第[一二三四]季度结对共建督办检查通报$/);
    await page.locator('#compliance').getByText(/区发展和改革局/).first().waitFor();
    await title.fill(editedTitle);
    await page.locator('#closing textarea').fill('请各单位对照通报认真整改，推广好的做法。');
    // Trim the list of units to praise to its first entry, when there are several.
    const praised = page.locator('#field-praised .chip');
    for (let index = (await praised.count()) - 1; index > 0; index -= 1) await praised.nth(index).click();
    await page.locator('#publish-bulletin').click();
    await page.getByText('通报已发布，涉及的单位现在可以看到').waitFor();
    await page.locator('#preview').getByText(editedTitle).waitFor();
    await page.screenshot({ path: 'dist/e2e-bulletin.png', fullPage: true });
  });

  it('a unit sees the published bulletin that concerns it, its own quarter marked', async () => {
    const { page } = unit;
    await page.goto('/#/pages-more/points/bulletins/index');
    await page.getByText(editedTitle).click();
    await page.locator('#my-compliance').getByText(/到访：/).waitFor();
    await page.getByText('请各单位对照通报认真整改，推广好的做法。').waitFor();
  });

  it('the unit’s own points page explains its points', async () => {
    const { page } = unit;
    await page.goto('/#/pages-more/points/index');
    await page.locator('#points-total').waitFor();
    await page.locator('#point-lines').getByText('一月一到访').first().waitFor();
    await page.locator('#cadence-calendar').waitFor();
    await page.screenshot({ path: 'dist/e2e-points.png', fullPage: true });
  });

  it('the office downloads the points table, which opens as a workbook with the totals on the screen', async () => {
    const { page } = office;
    await page.goto('/#/pages-office/points/index');
    const row = page.locator('#unit-unit-001');
    await row.waitFor();
    const onScreen = Number((await row.locator('.points-table-row__total').textContent())?.trim());
    await page.screenshot({ path: 'dist/e2e-points-table.png' });
    const secondRow = page.locator('#unit-unit-002');
    const secondOnScreen = Number((await secondRow.locator('.points-table-row__total').textContent())?.trim());
    await page.locator('#export-table').click();
    const link = page.locator('#export-progress').getByText(/^\d{4}年度积分表（龙岗区）\.xlsx$/);
    await link.waitFor();
    const download = page.waitForEvent('download');
    await link.click();
    // Saved under its Chinese name (not a timestamp), as the office files it.
    expect((await download).suggestedFilename()).toMatch(/^\d{4}年度积分表（龙岗区）\.xlsx$/);
    const file = await (await download).path();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('积分表')!;
    const header = (sheet.getRow(4).values as unknown[]).slice(1);
    const nameColumn = header.indexOf('单位') + 1;
    const totalColumn = header.indexOf('总积分') + 1;
    const totals = new Map<string, number>();
    sheet.eachRow((excelRow, number) => {
      if (number > 4) totals.set(String(excelRow.getCell(nameColumn).value), Number(excelRow.getCell(totalColumn).value));
    });
    expect(totals.get('区发展和改革局')).toBe(onScreen);
    expect(totals.get('区教育局')).toBe(secondOnScreen);
    expect(totals.size).toBeGreaterThanOrEqual(30);
  });
});
