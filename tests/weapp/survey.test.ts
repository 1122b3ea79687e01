import { DEFAULT_FORM_ITEMS } from '../../src/domain/surveys/form';
import { expectWeChatHealthy } from './support/expectations';
import type { Phone } from './support/phone';
import { World } from './support/phone';

jest.setTimeout(60_000);

/**
 * 评议 on the weapp build: 王芳 hands out the employees' link as a share card from 发放评议; an
 * employee opens the card cold and answers; another scans the group's mini-program code.
 */
let world: World;
const phones: Phone[] = [];
let card: { title?: string; path?: string } = {};

beforeAll(async () => {
  world = await World.open();
});
afterAll(async () => {
  for (const phone of phones) phone.saveFigures(`survey-${phone.openid}`);
  await world?.close();
});

function phoneOf(openid: string): Phone {
  const phone = world.phone(openid);
  phones.push(phone);
  return phone;
}

async function answersEveryItem(phone: Phone): Promise<void> {
  await phone.waitFor('survey-subject');
  await phone.tap('survey-start');
  await phone.waitFor('survey-progress');
  for (const item of DEFAULT_FORM_ITEMS) await phone.tap(`choice-${item.id}-satisfied`);
  expect(phone.text('survey-progress')).toBe(`已答 ${DEFAULT_FORM_ITEMS.length}/${DEFAULT_FORM_ITEMS.length}`);
  await phone.type('field-comment', '走访时多听听一线员工的意见');
  await phone.tap('survey-submit');
  await phone.waitFor('survey-done-counted');
}

describe('a respondent answers the survey a share card opens', () => {
  it('王芳 sends the employees’ link as a share card from 发放评议', async () => {
    const wangFang = phoneOf('demo-wangfang');
    await wangFang.launch('pages/home/index');
    await wangFang.tap('go-survey-results');
    await wangFang.until(() => wangFang.ids('mine-leader-').length > 0, 'a survey to hand out');
    await wangFang.tap(wangFang.ids('mine-leader-')[0]!);
    await wangFang.waitForRoute('pages/survey/links/index');
    await wangFang.waitFor('link-employees');
    card = await wangFang.share('link-employees');
    await wangFang.tap('link-qr-show-employees');
    await wangFang.until(() => wangFang.ids('link-qr-employees').length > 0, 'the employees’ code shown as an image file');
    expect(card.path).toMatch(/^\/pages\/survey\/index\?e=[\w-]{16,32}$/);
    expect(card.title).toBe('请参加对结对单位的匿名评议（员工代表）');
    expectWeChatHealthy(wangFang);
  });

  it('an employee opens the card cold, answers every item and submits once', async () => {
    const employee = phoneOf('weapp-employee-1');
    await employee.launch({ path: card.path!.slice(1), scene: 1007 });
    await answersEveryItem(employee);
    expect(employee.screenText()).toContain('您的答卷已匿名计入');
    expectWeChatHealthy(employee);
  });

  it('another employee scans the group’s mini-program code (its scene)', async () => {
    const entry = card.path!.split('e=')[1]!;
    const code = (await world.cloud.codes()).find((candidate) => candidate.scene === entry);
    expect(code).toEqual({ scene: entry, page: 'pages/survey/index' });
    const employee = phoneOf('weapp-employee-2');
    await employee.launch({ path: code!.page!, query: { scene: encodeURIComponent(code!.scene) }, scene: 1047 });
    await answersEveryItem(employee);
    expectWeChatHealthy(employee);
  });
});
