import { expectWeChatHealthy } from './support/expectations';
import { World } from './support/phone';

jest.setTimeout(60_000);

/** 发放评议链接 on the home page of the weapp build: the leader lands on the links, not on 编号格式不正确. */
let world: World;

beforeAll(async () => {
  world = await World.open();
});
afterAll(async () => {
  await world?.close();
});

describe('the org leader’s home link 发放评议链接', () => {
  it('opens the links of the org’s open evaluation, ready to share', async () => {
    const wangFang = world.phone('demo-wangfang');
    await wangFang.launch('pages/home/index');
    await wangFang.tap('go-survey-links');
    await wangFang.waitForRoute('pages/survey/links/index');
    await wangFang.waitFor('link-employees');
    expect(wangFang.screenText()).not.toContain('编号格式不正确');
    const card = await wangFang.share('link-employees');
    expect(card.path).toMatch(/^\/pages\/survey\/index\?e=[\w-]{16,32}$/);
    expectWeChatHealthy(wangFang);
  });
});
