import ExcelJS from 'exceljs';
import type { Session } from './support/browser';
import { openBrowser } from './support/browser';

jest.setTimeout(300_000);

/**
 * Administration in Chromium against the real local product: the district office (周涛) imports a
 * pairing table — dry run, then commit — opens the new unit and shows its invitation; a new unit
 * worker joins through the join page with that code.
 */
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const header = ['年度', '单位名称', '单位层级', '单位所在街道', '单位联系人', '组织名称', '组织类型', '组织所在街道', '组织地址', '纬度', '经度', '坐标系'];
const year = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));

let office: Session;
let worker: Session;
let invitationCode = '';

async function signedIn(openid: string): Promise<Session> {
  const session = await openBrowser();
  const response = await session.context.request.post('/__local/signin', { data: { openid } });
  expect(response.ok()).toBe(true);
  return session;
}

async function pairingTable(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('结对表');
  sheet.addRow(['附件1 结对共建、创先争优工作安排表']);
  sheet.addRow(header);
  for (let index = 0; index < 20; index += 1) {
    sheet.addRow([year, index === 0 ? '区端到端测试局' : `区测试单位${index}`, '区直单位', '龙城街道', '张三', `深圳市端到端测试${index}有限公司`, '非公企业', '布吉街道', `布吉路 ${index} 号`, 22.6 + index / 1000, 114.12, 'WGS-84']);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

beforeAll(async () => {
  office = await signedIn('demo-zhoutao');
});
afterAll(async () => {
  await Promise.all([office?.close(), worker?.close()]);
});

describe('the district office sets the programme up', () => {
  it('imports a pairing table: dry run with a row-by-row report, then commit', async () => {
    const { page } = office;
    await page.goto('/#/pages-office/import/index');
    const chooser = page.waitForEvent('filechooser');
    await page.locator('#choose-file').click();
    await (await chooser).setFiles({ name: `${year}结对表.xlsx`, mimeType: xlsxType, buffer: await pairingTable() });
    await page.locator('#import-totals').getByText(`${year} 年度，共 20 行`).waitFor();
    await page.getByText('有问题 0 行 · 有变化 20 行 · 不变 0 行').waitFor();
    await page.locator('#import-row-3').getByText('单位新增，组织新增，结对新增').waitFor();
    await page.screenshot({ path: 'dist/e2e-admin-report.png' });
    await page.locator('#commit-import').click();
    await page.locator('#import-done').getByText('已导入', { exact: true }).waitFor();

    const found = await office.context.request.post('/api/call', { data: { action: 'admin.directory', input: { kind: 'pairings', search: '端到端' } } });
    const body = (await found.json()) as { ok: boolean; data: { total: number; pairings: Array<{ unitName: string; orgName: string }> } };
    expect(body).toMatchObject({ ok: true, data: { total: 20 } });
    expect(body.data.pairings.map((pairing) => pairing.unitName)).toContain('区端到端测试局');
  });

  it('finds the new unit and shows its invitation code and QR', async () => {
    const { page } = office;
    await page.goto('/#/pages-office/directory/index');
    await page.locator('#directory-search input').fill('端到端测试局');
    await page.locator('#directory-search-go').click();
    await page.getByText('区端到端测试局').click();
    await page.locator('#show-invitation').click();
    const codeText = await page.locator('#invitation-code').innerText();
    invitationCode = /邀请码：([A-Z0-9]{8})/.exec(codeText)?.[1] ?? '';
    expect(invitationCode).toMatch(/^[A-Z0-9]{8}$/);
    await page.locator('#invitation-card img').waitFor();
  });
});

describe('a new unit worker', () => {
  it('joins the unit through the join page with the code', async () => {
    worker = await signedIn('e2e-new-worker');
    const { page } = worker;
    await page.goto(`/#/pages/join/index?code=${invitationCode}`);
    await page.locator('#field-name input').fill('钱多多');
    await page.locator('#join-submit').click();
    await page.getByText('区端到端测试局').first().waitFor();
    const whoami = await worker.context.request.post('/api/call', { data: { action: 'session.whoami', input: {} } });
    expect(await whoami.json()).toMatchObject({ ok: true, data: { person: { name: '钱多多', grants: [{ role: 'unitStaff', scopeName: '区端到端测试局' }] } } });
  });

  it('appears among the unit’s people for the office', async () => {
    const { page } = office;
    await page.reload();
    await page.locator('#people').getByText('钱多多').waitFor();
  });
});
