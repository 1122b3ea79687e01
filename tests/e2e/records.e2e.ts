import type { Page } from 'playwright-core';
import { demoDistrict } from '../../scripts/seed/demoDistrict';
import { yearOf } from '../../src/domain/time/periods';
import type { Session } from './support/browser';
import { openBrowser } from './support/browser';

jest.setTimeout(240_000);

/**
 * The record book journey in Chromium against the real local product: 李明 visits the factory, checks in
 * and writes the record; 王芳 confirms it from the link; the month's visit is done. Then a dispute and a
 * revision round trip.
 */
const org = demoDistrict(yearOf(new Date()).year, new Date()).orgs[0]!.location;
// About 55 m north of the org's gate: inside its geofence.
const atTheGate = { latitude: org.latitude + 0.0005, longitude: org.longitude, accuracy: 15 };

let liMing: Session;
let wangFang: Session;

beforeAll(async () => {
  liMing = await openBrowser({ geolocation: atTheGate });
  wangFang = await openBrowser();
  const signedIn = await wangFang.context.request.post('/__local/signin', { data: { openid: 'demo-wangfang' } });
  expect(signedIn.ok()).toBe(true);
});
afterAll(async () => {
  await liMing?.close();
  await wangFang?.close();
});

async function writeRecord(page: Page, content: string) {
  await page.locator('#area-workSystems').click();
  await page.locator('#field-content textarea').fill(content);
  await page.locator('#field-results textarea').fill('帮助企业党支部修订学习制度一项');
  await page.locator('#field-participants-unit input').first().fill('2');
  await page.locator('#field-participants-org input').first().fill('5');
  await page.locator('#unit-org-party').click();
  await page.locator('#org-org-union').click();
  await page.getByText('提交确认', { exact: true }).click();
}

/** The confirm link the record page offers in h5 (after submitting). */
async function confirmLinkOn(page: Page): Promise<string> {
  const link = page.locator('#confirm-link');
  await link.waitFor({ timeout: 30_000 });
  const text = (await link.textContent())?.trim() ?? '';
  expect(text).toMatch(/#\/pages\/confirm\/index\?t=[\w-]{16,32}$/);
  return text;
}

async function leaderConfirms(link: string) {
  const { page } = wangFang;
  await page.goto(link);
  await page.getByText('区发展和改革局 请您确认这条共建记录是否属实：').waitFor();
  expect(await page.locator('.action-button--primary').count()).toBe(1);
  await page.locator('#confirm-submit').click();
  await page.getByText('已确认，谢谢！').waitFor();
}

describe('a visit recorded, confirmed, disputed and revised', () => {
  let firstRecordUrl = '';
  let secondRecordUrl = '';

  it('李明 signs in, checks in at the gate and submits the visit record', async () => {
    const { page } = liMing;
    await page.goto('/');
    await page.getByText('本地演示登录（仅本地环境）').waitFor();
    await page.getByText('李明', { exact: true }).click();
    await page.locator('#greeting').getByText('您好，李明').waitFor();
    await page.locator('#cadence-monthlyVisit').waitFor();

    await page.getByText('到访签到', { exact: true }).click();
    await page.locator('#checkin-submit').click();
    await page.getByText('已签到').waitFor();
    await expect(page.locator('#checkin-evidence').textContent()).resolves.toMatch(/距离组织：约 5\d 米/);
    expect(await page.locator('#checkin-review-notes').count()).toBe(0);

    await page.getByText('写访问记录').click();
    await page.getByText('已附上本次到访签到。').waitFor();
    await writeRecord(page, '到华星光电党支部指导“三会一课”制度落实');

    await page.getByText('请组织负责人确认').waitFor();
    firstRecordUrl = page.url();
    expect(firstRecordUrl).toMatch(/#\/pages\/record\/index\?id=/);
    const link = await confirmLinkOn(page);
    await expect(page.locator('#evidence').textContent()).resolves.toContain('签到时间');

    await leaderConfirms(link);
  });

  it('shows 本月到访 as 已完成 on 李明’s home once confirmed', async () => {
    const { page } = liMing;
    await page.goto('/');
    await page.locator('#cadence-monthlyVisit .cadence-card__status').getByText('已完成', { exact: true }).waitFor();
    expect(await page.locator('#cadence-monthlyVisit').getAttribute('class')).toContain('cadence-card--done');
    await page.goto(firstRecordUrl);
    await page.locator('#confirmed-by').getByText(/已由 王芳 于 .* 确认/).waitFor();
  });

  it('王芳 disputes a second record with a reason, reached from the subscription message', async () => {
    const { page } = liMing;
    await page.goto('/');
    await page.getByText('写记录', { exact: true }).click();
    await writeRecord(page, '与企业工会座谈员工子女就学困难');
    await page.getByText('请组织负责人确认').waitFor();
    secondRecordUrl = page.url();

    const outbox = await wangFang.context.request.get('/__local/outbox');
    const { messages } = (await outbox.json()) as { messages: Array<{ touser: string; page?: string }> };
    const latest = messages.find((message) => message.touser === 'demo-wangfang');
    expect(latest?.page).toMatch(/^pages\/confirm\/index\?t=/);

    const leader = wangFang.page;
    await leader.goto(`/#/${latest!.page!}`);
    await leader.getByText('与企业工会座谈员工子女就学困难').waitFor();
    await leader.locator('#dispute-open').click();
    await leader.locator('#dispute-send').click();
    await leader.getByText('请填写异议理由，让单位知道哪里需要修改').waitFor();
    await leader.locator('#field-reason textarea').fill('参加座谈的组织方人数是 3 人，不是 5 人');
    await leader.locator('#dispute-send').click();
    await leader.getByText('已提出异议').waitFor();
  });

  it('李明 reads the reason, revises and resubmits; 王芳 confirms the new version', async () => {
    const { page } = liMing;
    await page.goto(secondRecordUrl);
    await page.locator('#dispute-reason').getByText('参加座谈的组织方人数是 3 人，不是 5 人').waitFor();
    await page.locator('#revise-record').click();
    await page.getByText('这是修改后的新版本，提交后需要组织负责人重新确认。').waitFor();
    const orgCount = page.locator('#field-participants-org input').first();
    await expect(orgCount.inputValue()).resolves.toBe('5');
    await orgCount.fill('3');
    await page.getByText('提交确认', { exact: true }).click();
    await page.getByText('请组织负责人确认').waitFor();
    const link = await confirmLinkOn(page);

    await leaderConfirms(link);

    await page.reload();
    await page.locator('#confirmed-by').waitFor();
    const history = (await page.locator('#history').textContent()) ?? '';
    expect(history).toContain('王芳 提出异议');
    expect(history).toContain('李明 发起修改（第 2 版）');
    expect(history).toMatch(/王芳 确认/);
    await expect(page.locator('#record-content').textContent()).resolves.toContain('3 人');
  });
});
