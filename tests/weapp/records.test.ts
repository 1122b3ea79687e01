import { expectWeChatHealthy } from './support/expectations';
import type { Phone } from './support/phone';
import { World } from './support/phone';

jest.setTimeout(60_000);

/**
 * The record book on the weapp build: 李明 checks in at the gate and submits a visit record; 王芳
 * confirms records reached the three ways WeChat offers — the subscription message's page, the share
 * card 李明 sends from the record page, and the mini-program code she scans on his phone.
 */
let world: World;
let liMing: Phone;
const phones: Phone[] = [];

beforeAll(async () => {
  world = await World.open();
  const org = world.district.orgs[0]!.location;
  // About 55 m north of the org's gate: inside its 300 m geofence.
  liMing = world.phone('demo-liming', { position: { latitude: org.latitude + 0.0005, longitude: org.longitude, accuracy: 15 } });
  phones.push(liMing);
});
afterAll(async () => {
  for (const phone of phones) phone.saveFigures(`records-${phone.openid}-${phones.indexOf(phone)}`);
  await world?.close();
});

const pairingId = () => world.district.pairings[0]!._id;
/** The page switches 李明's phone asked WeChat for when he tapped 提交确认, per record. */
const switchesOnSubmit: string[][] = [];

async function writeAndSubmit(phone: Phone, content: string): Promise<void> {
  await phone.waitForRoute('pages-work/record-edit/index');
  await phone.tap('area-workSystems');
  await phone.type('field-content', content);
  await phone.type('field-results', '帮助企业党支部修订学习制度一项');
  await phone.type('unit-count', '2');
  await phone.type('org-count', '5');
  await phone.tap('unit-org-party');
  await phone.tap('org-org-union');
  const before = phone.program.record.calls.length;
  await phone.tap('submit-record');
  await phone.waitForRoute('pages/record/index');
  await phone.waitFor('reach-leader');
  switchesOnSubmit.push(
    phone.program.record.calls
      .slice(before)
      .filter((call) => ['navigateTo', 'redirectTo', 'reLaunch', 'navigateBack'].includes(call.api))
      .map((call) => `${call.api} ${String((call.options as { url?: string }).url ?? '')}`),
  );
}

/** 王芳's phone, opened cold at a page path (a message, a card, a code). */
async function wangFangOpens(path: string, scene: number, query?: Record<string, string>): Promise<Phone> {
  const phone = world.phone('demo-wangfang');
  phones.push(phone);
  await phone.launch({ path, scene, ...(query ? { query } : {}) });
  await phone.waitForText('区发展和改革局 请您确认这条共建记录是否属实：');
  return phone;
}

async function confirms(phone: Phone): Promise<void> {
  await phone.tap('confirm-submit');
  await phone.waitForText('已确认，谢谢！');
}

describe('王芳 turns on 待确认 reminders before anything waits for her', () => {
  it('taps 提醒我 on home: WeChat asks inside the tap, and the allowance lets the first message arrive', async () => {
    const wangFang = world.phone('demo-wangfang');
    phones.push(wangFang);
    await wangFang.launch('pages/home/index');
    await wangFang.waitFor('reminder-confirm-ask');
    await wangFang.tap('reminder-confirm-ask');
    await wangFang.until(() => wangFang.program.record.subscriptions.length === 1, 'the subscription ask');
    expect(wangFang.program.record.calls.filter((call) => call.api === 'requestSubscribeMessage').map((call) => call.gesture)).toEqual([true]);
    expectWeChatHealthy(wangFang);
  });
});

describe('a visit checked in, recorded and submitted by 李明', () => {
  it('opens home, checks in at the gate after a tap, writes the record and submits it', async () => {
    await liMing.launch('pages/home/index');
    await liMing.waitFor('greeting');
    expect(liMing.text('greeting')).toBe('您好，李明');
    await liMing.waitFor(`checkin-${pairingId()}`);

    await liMing.tap(`checkin-${pairingId()}`);
    await liMing.waitForRoute('pages/checkin/index');
    await liMing.tap('checkin-submit');
    await liMing.waitForText('已签到');
    expect(liMing.screenText()).toMatch(/距离组织：约 5\d 米/);
    const located = liMing.program.record.calls.filter((call) => call.api === 'getLocation');
    expect(located).toHaveLength(1);
    expect(located[0]).toMatchObject({ gesture: true, outcome: 'getLocation:ok' });

    await liMing.tap('write-visit');
    await liMing.waitForText('已附上本次到访签到。');
    await writeAndSubmit(liMing, '到华星光电党支部指导“三会一课”制度落实');
    expect(liMing.screenText()).toContain('签到时间');
    expectWeChatHealthy(liMing);
  });

  // The submit's answer and the record queue's "sent" event both report the sending; the editor gives
  // way to the record page once. (Two redirectTo in the same frame made Taro's AppWrapper.unmount of a
  // page not yet rendered splice index -1 and remove another page.)
  it('tapping 提交确认 asks WeChat for one page switch', () => {
    expect(switchesOnSubmit[0]).toHaveLength(1);
  });
});

describe('王芳 confirms what 李明 submitted', () => {
  it('from the subscription message: the page path the message opens, then allows the next reminder in a tap', async () => {
    const [message] = await world.cloud.outbox('demo-wangfang');
    expect(message?.page).toMatch(/^pages\/confirm\/index\?t=[\w-]{16,32}$/);
    const wangFang = await wangFangOpens(message!.page!, 1014);
    expect(wangFang.screenText()).toContain('到华星光电党支部指导“三会一课”制度落实');
    await confirms(wangFang);

    await wangFang.tap('subscribe-reminder');
    await wangFang.until(() => wangFang.program.record.toasts.length > 0, 'the reminder toast');
    expect(wangFang.program.record.subscriptions).toEqual([{ tmplIds: ['local-confirm-request'], answer: { 'local-confirm-request': 'accept' } }]);
    expect(wangFang.program.record.toasts).toContainEqual({ title: '下次有记录待确认时会提醒您', icon: 'none' });
    expectWeChatHealthy(wangFang);
  });

  it('from the share card 李明 sends from the record page', async () => {
    await liMing.backTo('pages/home/index');
    await liMing.tap(`write-${pairingId()}`);
    await writeAndSubmit(liMing, '与企业工会座谈员工子女就学困难');
    const card = await liMing.share('share-to-leader');
    expect(card.path).toMatch(/^\/pages\/confirm\/index\?t=[\w-]{16,32}$/);
    expect(card.title).toContain('请确认：区发展和改革局');

    const wangFang = await wangFangOpens(card.path!, 1007);
    expect(wangFang.screenText()).toContain('与企业工会座谈员工子女就学困难');
    await confirms(wangFang);
    expectWeChatHealthy(liMing, wangFang);
  });

  it('from the mini-program code 李明 shows: the scene the code carries', async () => {
    await liMing.backTo('pages/home/index');
    await liMing.tap(`write-${pairingId()}`);
    await writeAndSubmit(liMing, '走访企业党支部，了解党员发展情况');
    await liMing.tap('show-qr');
    await liMing.waitFor('confirm-qr');
    const codes = await world.cloud.codes();
    const code = codes[codes.length - 1];
    expect(code).toMatchObject({ page: 'pages/confirm/index' });

    // WeChat hands the scene to the page encoded, as the `scene` query parameter.
    const wangFang = await wangFangOpens('pages/confirm/index', 1047, { scene: encodeURIComponent(code!.scene) });
    expect(wangFang.screenText()).toContain('走访企业党支部，了解党员发展情况');
    await confirms(wangFang);
    expectWeChatHealthy(liMing, wangFang);
  });
});
