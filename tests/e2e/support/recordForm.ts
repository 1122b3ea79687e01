import type { Page } from 'playwright-core';

/** Fills the record editor (one content area, the text, both sides' counts and organisations) and taps 提交确认. */
export async function writeAndSubmitRecord(page: Page, content: string, results = '帮助企业党支部修订学习制度一项'): Promise<void> {
  await page.locator('#area-workSystems').click();
  await page.locator('#field-content textarea').fill(content);
  await page.locator('#field-results textarea').fill(results);
  await page.locator('#field-participants-unit input').first().fill('2');
  await page.locator('#field-participants-org input').first().fill('5');
  await page.locator('#unit-org-party').click();
  await page.locator('#org-org-union').click();
  await page.getByText('提交确认', { exact: true }).click();
}

/** The record id of the record page the browser shows (`#/pages/record/index?id=…`). */
export function recordIdOf(page: Page): string {
  const id = /[?&]id=([\w-]+)/.exec(page.url())?.[1];
  if (!id) throw new Error(`not on a record page: ${page.url()}`);
  return id;
}
