import { DEFAULT_FORM_ITEMS } from '../../src/domain/surveys/form';
import type { Session } from './support/browser';
import { openBrowser } from './support/browser';

jest.setTimeout(300_000);

/**
 * The evaluation survey journey in Chromium against the real local product. 龙城街道's office (孙丽)
 * opens a round for its street; 王芳, party leader of 深圳华星光电, hands out the group links; employees
 * answer on their phones through the employee link, party and mass representatives through theirs.
 * 李明's unit sees counts only while the round runs and below three answers, and its results and
 * points once it has ended.
 */
let office: Session;
let leader: Session;
let unit: Session;
let roundUrl = '';
let roundLabel = '';
let resultsUrl = '';
const links: Record<string, string> = {};

async function signedIn(openid: string): Promise<Session> {
  const session = await openBrowser();
  const response = await session.context.request.post('/__local/signin', { data: { openid } });
  expect(response.ok()).toBe(true);
  return session;
}

/** One respondent on their own phone: open the group link, answer every item, submit. */
async function respond(link: string, openid: string, choice: 'satisfied' | 'basic', expected = '提交成功，感谢您的评价'): Promise<void> {
  const respondent = await signedIn(openid);
  try {
    const { page } = respondent;
    await page.goto(link);
    await page.getByText('匿名评议').waitFor();
    await page.locator('#survey-start').click();
    await questionsShown(page, openid);
    for (const item of DEFAULT_FORM_ITEMS) await page.locator(`#choice-${item.id}-${choice}`).click();
    await page.locator('#survey-progress').getByText(`已答 ${DEFAULT_FORM_ITEMS.length}/${DEFAULT_FORM_ITEMS.length}`).waitFor();
    await page.locator('#survey-submit').click();
    await page.getByText(expected, { exact: true }).waitFor();
  } finally {
    await respondent.close();
  }
}

/** The questions screen came after 开始评议; if not, the failure carries what the page shows instead. */
async function questionsShown(page: Session['page'], openid: string): Promise<void> {
  try {
    await page.locator('#survey-progress').waitFor({ timeout: 15_000 });
  } catch (error) {
    const shown = await page.locator('body').innerText().catch(() => '(page closed)');
    throw new Error(`questions did not open for ${openid} at ${page.url()}; the page shows:\n${shown}\n${String(error)}`);
  }
}

async function confirmModal(session: Session, confirmText: string): Promise<void> {
  // Taro's h5 showModal: a DOM dialog whose confirm button carries confirmText.
  await session.page.getByText(confirmText, { exact: true }).last().click();
}

beforeAll(async () => {
  [office, leader, unit] = await Promise.all([signedIn('demo-sunli'), signedIn('demo-wangfang'), signedIn('demo-liming')]);
});
afterAll(async () => {
  await Promise.all([office?.close(), leader?.close(), unit?.close()]);
});

describe('an anonymous evaluation round, from opening to points', () => {
  it('the street office opens a round for its street with the default form', async () => {
    const { page } = office;
    await page.goto('/#/pages-office/surveys/index');
    const seeded = (await page.locator('#rounds .card__title').first().textContent()) ?? '';
    // The demo district already runs this half-year's district round; the street takes the other period.
    const period = seeded.includes('年终') ? 'midYear' : 'yearEnd';
    await page.locator(`#period-${period}`).click();
    await page.locator('#create-round').click();
    await page.getByText(/可修改的默认问卷/).waitFor();
    await page.locator('#round-open').click();
    await confirmModal(office, '发布');
    await page.locator('#round-phase').getByText(/龙城街道 · 进行中/).waitFor();
    roundUrl = page.url();
    roundLabel = ((await page.locator('.page-title:visible').first().textContent()) ?? '').trim();
    expect(roundLabel).toMatch(/^\d{4}年(年中|年终)评议$/);
  });

  it('the org’s party leader hands out one link and QR code per group and sees counts only', async () => {
    const { page } = leader;
    await page.goto('/#/pages-more/survey-results/index');
    await page.locator('#mine-leader').waitFor();
    await page.locator('#mine-leader .card').filter({ hasText: roundLabel }).click();
    await page.locator('#link-employees').waitFor();
    for (const group of ['partyMass', 'employees', 'owner']) {
      links[group] = ((await page.locator(`#link-${group} .survey-links__path`).textContent()) ?? '').trim();
      expect(links[group]).toMatch(/#\/pages\/survey\/index\?e=[\w-]{22}$/);
      // Taro's h5 <Image> is a web component holding the <img>.
      // The code is fetched as an image file (a temporary link) when the leader asks to see it.
      await page.locator(`#link-qr-show-${group}`).click();
      await page.locator(`#link-${group} .survey-links__qr img[src*="/__local/files/survey-codes/"]`).waitFor({ state: 'attached' });
    }
    const url = new URL(page.url().replace('#/', ''));
    resultsUrl = `/#/pages-more/survey-results/index?round=${url.searchParams.get('round')}&pairing=${url.searchParams.get('pairing')}`;
    await page.screenshot({ path: 'dist/e2e-survey-links.png', fullPage: true });
  });

  it('two employees answer through their link; the unit sees the count and no results', async () => {
    await respond(links.employees!, 'e2e-employee-1', 'satisfied');
    await respond(links.employees!, 'e2e-employee-2', 'satisfied');
    // The first employee on another phone: told when the survey opens, before any question (issue 12, defect 6).
    const again = await signedIn('e2e-employee-1');
    try {
      await again.page.goto(links.employees!);
      await again.page.getByText('您已参加过本次评议', { exact: true }).waitFor();
      expect(await again.page.locator('#survey-start').count()).toBe(0);
    } finally {
      await again.close();
    }
    const { page } = unit;
    await page.goto(resultsUrl);
    await page.locator('#results-employees').getByText('员工代表（2 份）').waitFor();
    await page.locator('#results-employees-hidden').getByText('评议结束后公布结果').waitFor();
    expect(await page.locator('.item-chart').count()).toBe(0);
  });

  it('a third employee and two party and mass representatives answer', async () => {
    const phone = await signedIn('e2e-employee-3');
    try {
      await phone.page.goto(links.employees!);
      await phone.page.locator('#survey-start').click();
      await questionsShown(phone.page, 'e2e-employee-3');
      await phone.page.locator(`#choice-${DEFAULT_FORM_ITEMS[0]!.id}-satisfied`).click();
      await phone.page.screenshot({ path: 'dist/e2e-survey-questions.png', fullPage: true });
      // Interrupted: the phone reloads the page; the answer given so far is still there.
      await phone.page.reload();
      await phone.page.locator('#survey-progress').getByText(`已答 1/${DEFAULT_FORM_ITEMS.length}`).waitFor();
      for (const item of DEFAULT_FORM_ITEMS.slice(1)) await phone.page.locator(`#choice-${item.id}-satisfied`).click();
      await phone.page.locator('#field-comment textarea').fill('希望多组织联合活动');
      await phone.page.locator('#survey-submit').click();
      await phone.page.getByText('提交成功，感谢您的评价').waitFor();
    } finally {
      await phone.close();
    }
    await respond(links.partyMass!, 'e2e-party-1', 'basic');
    await respond(links.partyMass!, 'e2e-party-2', 'basic');
  });

  it('the office ends the round: three answers show with a chart per item, two stay a count, and the unit sees its points', async () => {
    await office.page.goto(roundUrl);
    await office.page.locator('#round-close').click();
    await confirmModal(office, '结束');
    await office.page.locator('#round-phase').getByText(/已结束/).waitFor();

    const { page } = unit;
    await page.goto(resultsUrl);
    await page.locator('#results-employees').getByText('员工代表（3 份）').waitFor();
    await page.locator('#results-employees #chart-visits').waitFor();
    expect(await page.locator('#results-employees .item-chart').count()).toBe(DEFAULT_FORM_ITEMS.length);
    await page.locator('#results-partyMass-hidden').getByText('答卷不足 3 份，只显示份数').waitFor();
    // 10 × (40 × 1 + 40 × 0.6) ÷ 80 = 8
    await page.locator('#results-points').getByText('8 分').waitFor();
    await page.locator('#results-comments').getByText('希望多组织联合活动').waitFor();
    await page.screenshot({ path: 'dist/e2e-survey-results.png', fullPage: true });

    await page.goto('/#/pages-more/survey-results/index');
    await page.locator('#mine-unit').getByText('评议积分：8 分').waitFor();
  });
});
