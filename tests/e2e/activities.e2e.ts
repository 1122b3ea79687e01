import type { Page } from 'playwright-core';
import { demoDistrict } from '../../scripts/seed/demoDistrict';
import { yearOf } from '../../src/domain/time/periods';
import type { Session } from './support/browser';
import { openBrowser } from './support/browser';

jest.setTimeout(240_000);

/**
 * The joint-activity journey (一季一活动) in Chromium against the real local product: 李明 posts the
 * activity ahead and shows the rotating venue code at 深圳华星光电; 王芳 scans it there; 赵军 gets the
 * code forwarded into a chat and scans it 30 km away — counted, and flagged for review; 李明 sees the
 * flag and writes the record from the activity.
 */
const org = demoDistrict(yearOf(new Date()).year, new Date()).orgs[0]!.location;
const atTheVenue = { latitude: org.latitude + 0.0003, longitude: org.longitude, accuracy: 15 };
const acrossTheRoom = { latitude: org.latitude + 0.0004, longitude: org.longitude + 0.0002, accuracy: 20 };
const thirtyKilometresAway = { latitude: org.latitude + 0.27, longitude: org.longitude, accuracy: 20 };

let organiser: Session;
let atVenue: Session;
let forwardedTo: Session;

async function signedIn(openid: string, geolocation: { latitude: number; longitude: number; accuracy: number }): Promise<Session> {
  const session = await openBrowser({ geolocation });
  const response = await session.context.request.post('/__local/signin', { data: { openid } });
  expect(response.ok()).toBe(true);
  return session;
}

beforeAll(async () => {
  [organiser, atVenue, forwardedTo] = await Promise.all([signedIn('demo-liming', atTheVenue), signedIn('demo-wangfang', acrossTheRoom), signedIn('demo-zhaojun', thirtyKilometresAway)]);
});
afterAll(async () => {
  await Promise.all([organiser?.close(), atVenue?.close(), forwardedTo?.close()]);
});

const codeOn = async (page: Page) => /签到码 ([A-Z2-7]{6})/.exec((await page.locator('#venue-code').textContent()) ?? '')?.[1] ?? '';

/** Opens the scanned link on a participant's phone and waits for the answer. */
async function scan(session: Session, link: string): Promise<void> {
  await session.page.goto(link);
  await session.page.locator('#attend-done').getByText('签到成功').waitFor();
}

describe('a joint activity, from posting to the record', () => {
  let activityId = '';

  it('the organiser posts it ahead for today', async () => {
    const { page } = organiser;
    await page.goto('/#/pages-more/activities/index');
    await page.locator('#activity-title input').fill('联合主题党日');
    await page.locator('#activity-place input').fill('华星光电党群活动室');
    await page.locator('#activity-agenda textarea').fill('重温入党誓词；座谈交流');
    await page.locator('#post-activity-submit').click();
    const card = page.locator('[id^="activity-"].card').filter({ hasText: '联合主题党日' });
    await card.waitFor();
    activityId = ((await card.getAttribute('id')) ?? '').replace(/^activity-/, '');
    expect(activityId).not.toBe('');
  });

  it('one participant scans at the venue, another scans a forwarded code far away: both counted, the far one flagged', async () => {
    const { page } = organiser;
    await page.locator(`#venue-${activityId}`).click();
    await page.locator('#venue-code').getByText(/签到码 [A-Z2-7]{6}/).waitFor();
    // Scan a code just after it appears, as at the venue: it is accepted for ten to twenty seconds.
    const first = await codeOn(page);
    await page.waitForFunction((shown) => !(document.querySelector('#venue-code')?.textContent ?? '').includes(shown), first, { timeout: 30_000 });
    const link = `/#/pages/attend/index?scene=${activityId}.${await codeOn(page)}`;
    await Promise.all([scan(atVenue, link), scan(forwardedTo, link)]);

    // Back from the venue code, as the organiser taps back: the list reads the attendance again.
    await page.goBack();
    const card = page.locator(`#activity-${activityId}`);
    await card.getByText('已签到 2 人', { exact: false }).waitFor();
    await card.locator(`#flagged-${activityId}`).getByText('1 人的签到待核查').waitFor();
    await card.getByText(/^赵军：扫码位置远离活动现场（约 \d+\.\d 公里）$/).waitFor();
    expect(await card.getByText(/^王芳：/).count()).toBe(0);
  });

  it('the organiser writes the record from the activity and the card links to it', async () => {
    const { page } = organiser;
    await page.locator(`#write-${activityId}`).click();
    await page.locator('#area-workSystems').click();
    await page.locator('#field-content textarea').fill('与华星光电党支部联合开展主题党日');
    await page.locator('#field-results textarea').fill('双方党员共同重温入党誓词');
    await page.locator('#field-participants-unit input').first().fill('1');
    await page.locator('#field-participants-org input').first().fill('1');
    await page.locator('#unit-org-party').click();
    await page.locator('#org-org-union').click();
    await page.getByText('提交确认', { exact: true }).click();
    await page.locator('#confirm-link').waitFor({ timeout: 30_000 });

    await page.goBack();
    await page.locator(`#record-${activityId}`).waitFor();
  });
});
