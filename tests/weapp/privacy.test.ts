import { expectWeChatHealthy } from './support/expectations';
import type { Phone } from './support/phone';
import { World } from './support/phone';

jest.setTimeout(60_000);

/**
 * WeChat refuses a privacy-scoped API unless the mini-program's 用户隐私保护指引 declares its scope
 * ("api scope is not declared in the privacy agreement", errno 112). The product's one declaration,
 * src/privacy.ts, generates both the built app.json's `requiredPrivateInfos` (location) and the
 * README's 隐私保护指引 step (部署到微信 step 6, what the deployer copies into WeChat's console); this
 * tier reads it — see support/privacy.ts.
 */
let world: World;
const phones: Phone[] = [];

beforeAll(async () => {
  world = await World.open();
});
afterAll(async () => {
  for (const phone of phones) phone.saveFigures(`privacy-${phone.openid}-${phones.indexOf(phone)}`);
  await world?.close();
});

function phoneOf(openid: string, user: Parameters<World['phone']>[1] = {}): Phone {
  const phone = world.phone(openid, user);
  phones.push(phone);
  return phone;
}

const callsOf = (phone: Phone, api: string) => phone.program.record.calls.filter((call) => call.api === api);

describe('privacy-scoped APIs the product declares', () => {
  it('李明 checks in and takes a photo: getLocation (requiredPrivateInfos) and chooseMedia (相册/摄像头), then wx.cloud.uploadFile', async () => {
    const org = world.district.orgs[0]!.location;
    const liMing = phoneOf('demo-liming', {
      position: { latitude: org.latitude + 0.0004, longitude: org.longitude, accuracy: 20 },
      photo: { name: 'gate.jpg', content: Buffer.from('a photo of the gate') },
    });
    await liMing.launch('pages/home/index');
    await liMing.tap(`checkin-${world.district.pairings[0]!._id}`);
    await liMing.tap('checkin-submit');
    await liMing.waitForText('已签到');
    await liMing.tap('take-photo');
    await liMing.waitForText('现场照片已上传，将附在访问记录中。');
    expect(callsOf(liMing, 'chooseMedia')).toMatchObject([{ gesture: true, outcome: 'chooseMedia:ok' }]);
    expect(callsOf(liMing, 'cloud.uploadFile')).toMatchObject([{ outcome: 'cloud.uploadFile:ok' }]);
    expectWeChatHealthy(liMing);
  });
});

/*
 * Each journey below reaches its button in one `it`, then taps it in the next and asserts that WeChat
 * lets the call through and nothing goes wrong. These scopes were missing from the guide until the
 * declaration had 剪切板 (setClipboardData, behind every copy button through src/client/clipboard.ts)
 * and 选中的文件 (chooseMessageFile, the plan's attachments and the import).
 */
describe('the clipboard and chosen files, declared in the privacy guide', () => {
  let wangFang: Phone;
  let liMing: Phone;
  let zhouTao: Phone;

  it('王芳 opens 发放评议 for her org’s pairing', async () => {
    wangFang = phoneOf('demo-wangfang');
    await wangFang.launch('pages/home/index');
    await wangFang.tap('go-survey-results');
    await wangFang.until(() => wangFang.ids('mine-leader-').length > 0, 'a survey to hand out');
    await wangFang.tap(wangFang.ids('mine-leader-')[0]!);
    await wangFang.waitFor('link-copy-employees');
    expectWeChatHealthy(wangFang);
  });

  it('… taps 复制链接 for the employees’ link and WeChat copies it (剪切板)', async () => {
    await wangFang.tap('link-copy-employees');
    expect(callsOf(wangFang, 'setClipboardData')).toMatchObject([{ gesture: true, outcome: 'setClipboardData:ok' }]);
    expect(wangFang.program.record.clipboard).toEqual([expect.stringMatching(/^\/pages\/survey\/index\?e=/)]);
    expectWeChatHealthy(wangFang);
  });

  it('李明 opens his work plan', async () => {
    liMing = phoneOf('demo-liming', { file: { name: '2026年结对共建工作方案.pdf', content: Buffer.from('%PDF-1.4 plan') } });
    await liMing.launch('pages/home/index');
    await liMing.tap('go-plan');
    await liMing.waitForRoute('pages-more/plan/index');
    await liMing.waitFor('add-attachment');
    expectWeChatHealthy(liMing);
  });

  it('… taps 添加附件, picks a PDF from a chat and it is uploaded (选中的文件)', async () => {
    await liMing.tap('add-attachment');
    expect(callsOf(liMing, 'chooseMessageFile')).toMatchObject([{ gesture: true, outcome: 'chooseMessageFile:ok' }]);
    expect(callsOf(liMing, 'cloud.uploadFile')).toMatchObject([{ outcome: 'cloud.uploadFile:ok' }]);
    expectWeChatHealthy(liMing);
  });

  it('周涛 shows an org’s invitation code', async () => {
    zhouTao = phoneOf('demo-zhoutao');
    await zhouTao.launch('pages/home/index');
    await zhouTao.tap('go-office');
    await zhouTao.tap('go-directory');
    await zhouTao.tap('directory-kind-orgs');
    await zhouTao.tap(`org-${world.district.orgs[0]!._id}`);
    await zhouTao.waitForRoute('pages-office/org/index');
    await zhouTao.tap('show-invitation');
    await zhouTao.waitFor('copy-code');
    expectWeChatHealthy(zhouTao);
  });

  it('… taps 复制邀请码 and WeChat copies it (剪切板)', async () => {
    await zhouTao.tap('copy-code');
    expect(zhouTao.program.record.clipboard).toHaveLength(1);
    expectWeChatHealthy(zhouTao);
  });
});
