import type { Page } from 'playwright-core';
import { demoDistrict } from '../../scripts/seed/demoDistrict';
import type { CheckInView, RecordView } from '../../src/contract/records';
import type { InvitationView } from '../../src/contract/session';
import { chinaDateString } from '../../src/domain/time/chinaTime';
import { yearOf } from '../../src/domain/time/periods';
import { visitRecord } from '../support/builders';
import type { Session } from './support/browser';
import { act, refusedAct, signedIn } from './support/actors';
import { recordIdOf, writeAndSubmitRecord } from './support/recordForm';

jest.setTimeout(240_000);

/**
 * Three journeys that so far had only page and function tests, in Chromium against the real local
 * product: a party leader confirms several records in one pass (一次确认多条); a street office refuses
 * a new party leader with a reason, who reads it and asks again (负责人审核不通过); a check-in outside
 * the org's geofence reaches the office's 签到核查 and is marked reviewed with a note.
 *
 * Each journey uses a demo pairing no other e2e file touches, so the files may run in any order on
 * the one product they share.
 */
const district = demoDistrict(yearOf(new Date()).year, new Date());
const today = chinaDateString(new Date());
/** About 1 km north of a point: outside the 300 m geofence, nearer than the 3 km of 走访记录但签到远离组织. */
const aKilometreNorthOf = (point: { latitude: number; longitude: number }) => ({ latitude: point.latitude + 0.009, longitude: point.longitude, accuracy: 20 });
const orgOf = (orgId: string) => district.orgs.find((org) => org._id === orgId)!;

const sessions: Session[] = [];
async function open(openid: string, options?: Parameters<typeof signedIn>[1]): Promise<Session> {
  const session = await signedIn(openid, options);
  sessions.push(session);
  return session;
}
afterAll(async () => {
  await Promise.all(sessions.map((session) => session.close()));
});

/** The count a 待办 row shows (`N 项`), or 0 when the row is gone because nothing waits. */
async function waitingCount(page: Page, rowId: string): Promise<number> {
  await page.locator('#office-waiting').waitFor();
  const row = page.locator(`#${rowId}`);
  if ((await row.count()) === 0) return 0;
  const count = /(\d+) 项/.exec((await row.textContent()) ?? '')?.[1];
  if (count === undefined) throw new Error(`no count in ${rowId}`);
  return Number(count);
}

/** The office workbench, freshly loaded (a reload, so no earlier page of the stack is still in the document). */
async function openWorkbench(page: Page): Promise<void> {
  await page.goto('/#/pages-office/index/index');
  await page.reload();
  await page.locator('.page-title', { hasText: '共建办工作台' }).waitFor();
  await page.locator('#office-waiting').waitFor();
}

describe('一次确认多条: a party leader confirms several records in one pass', () => {
  // 区财政局 — 深圳市绿源环保科技有限公司: 单位联络员7 writes, 组织书记7 confirms.
  const pairing = district.pairings[6]!;
  let staff: Session;
  let leader: Session;
  const contents = ['走访绿源环保党支部，指导发展党员工作', '与绿源环保工会商定职工书屋建设', '到绿源环保了解环保设施改造中的党员先锋岗'];
  let plain: RecordView[] = [];
  let flagged: RecordView;

  beforeAll(async () => {
    staff = await open('demo-staff007');
    leader = await open('demo-leader007');
    const submit = async (record: RecordView) => (await act<{ record: RecordView }>(staff, 'records.submit', { recordId: record.id, revision: record.revision })).record;
    const save = async (content: string, extra: { checkInId?: string; kind?: 'monthlyVisit' | 'otherWork' } = {}) =>
      (await act<{ record: RecordView }>(staff, 'records.save', visitRecord(pairing._id, today, { content, kind: extra.kind ?? 'otherWork', ...(extra.checkInId ? { checkInId: extra.checkInId } : {}) }))).record;
    plain = [await submit(await save(contents[0]!)), await submit(await save(contents[1]!))];
    // The third checked in a kilometre from the org: its check-in needs a look, so it starts unchosen.
    const { checkIn } = await act<{ checkIn: CheckInView }>(staff, 'records.checkIn', { pairingId: pairing._id, ...aKilometreNorthOf(orgOf(pairing.orgId).location) });
    expect(checkIn.flags).toEqual(['outsideGeofence']);
    flagged = await submit(await save(contents[2]!, { checkInId: checkIn.id, kind: 'monthlyVisit' }));
    for (const record of [...plain, flagged]) expect(record.state).toBe('submitted');
  });

  it('the leader reaches it from home and reads each record in full; the flagged one starts unchosen', async () => {
    const { page } = leader;
    await page.goto('/');
    await page.locator('#greeting').getByText('您好，组织书记7').waitFor();
    await page.locator('#go-batch-confirm').getByText('逐条查看，一次确认多条（3 条）').click();
    await page.locator('#batch-confirm').getByText('请逐条查看以下 3 条记录，确认属实的保持选中：').waitFor();

    for (const [index, record] of [...plain, flagged].entries()) {
      const card = page.locator(`#batch-${record.id}`);
      await card.getByText(contents[index]!).waitFor();
      await card.getByText('区财政局', { exact: false }).first().waitFor();
    }
    for (const record of plain) {
      await expect(page.locator(`#batch-choose-${record.id}`).textContent()).resolves.toContain('已选中（点击取消）');
      expect(await page.locator(`#batch-flagged-${record.id}`).count()).toBe(0);
    }
    const flaggedCard = page.locator(`#batch-${flagged.id}`);
    await page.locator(`#batch-flagged-${flagged.id}`).getByText('签到信息待核对').waitFor();
    await flaggedCard.locator('#checkin-review-notes').getByText('不在组织附近').waitFor();
    await expect(page.locator(`#batch-choose-${flagged.id}`).textContent()).resolves.toContain('选中确认');
    await expect(page.locator('#batch-submit').textContent()).resolves.toContain('确认选中的 2 条');

    // Choosing and unchoosing changes what one tap will confirm.
    await page.locator(`#batch-choose-${flagged.id}`).click();
    await page.locator('#batch-submit').getByText('确认选中的 3 条').waitFor();
    await page.locator(`#batch-choose-${flagged.id}`).click();
    await page.locator('#batch-submit').getByText('确认选中的 2 条').waitFor();
    await expect(page.locator(`#batch-choose-${flagged.id}`).textContent()).resolves.toContain('选中确认');
  });

  it('one tap confirms the chosen two; each answer is shown', async () => {
    const { page } = leader;
    await page.locator('#batch-submit').click();
    await page.locator('#batch-done').getByText('已确认 2 条，谢谢！').waitFor();
    for (const record of plain) await page.locator(`#batch-answer-${record.id}`).getByText('已确认', { exact: true }).waitFor();
    expect(await page.locator(`#batch-answer-${flagged.id}`).count()).toBe(0);
  });

  it('the two are confirmed in the record book; the unchosen one still waits for the leader', async () => {
    const { page } = leader;
    await page.goto('/#/pages/pending/index');
    await page.getByText('共 1 条，点开即可确认').waitFor();
    await page.goto('/');
    await page.locator('#to-confirm').getByText('全部待确认的记录').waitFor();
    expect(await page.locator('#go-batch-confirm').count()).toBe(0);

    const unit = staff.page;
    for (const record of plain) {
      await unit.goto(`/#/pages/record/index?id=${record.id}`);
      await unit.locator('#confirmed-by').getByText(/已由 组织书记7 于 .* 确认/).waitFor();
      await expect(unit.locator('#history').textContent()).resolves.toMatch(/组织书记7 确认/);
    }
    await unit.goto(`/#/pages/record/index?id=${flagged.id}`);
    await unit.locator('#reach-leader').waitFor();
    await unit.getByText(contents[2]!).waitFor();
    expect(await unit.locator('#confirmed-by').count()).toBe(0);
    await expect(unit.locator('.state-badge').first().textContent()).resolves.toBe('待确认');
  });
});

describe('负责人审核不通过: the street office refuses a new party leader with a reason', () => {
  // 深圳市金叶纺织有限公司 (龙城街道, paired with 区司法局) has no party leader yet; 孙丽 is 龙城街道党群共建办.
  const orgId = district.pairings[5]!.orgId;
  const orgName = orgOf(orgId).name;
  const reason = '经与结对单位核实，金叶纺织党组织负责人另有其人，请联系企业党支部确认';
  let office: Session;
  let newcomer: Session;
  let personId = '';
  const cardId = () => `leader-${personId}-${orgId}`;

  beforeAll(async () => {
    office = await open('demo-sunli');
    newcomer = await open('e2e-new-leader');
  });

  it('the newcomer joins with the org’s invitation and is told approval comes first', async () => {
    const invitation = await act<InvitationView>(office, 'session.invite', { scopeType: 'org', scopeId: orgId });
    expect(invitation.role).toBe('orgLeader');
    const { page } = newcomer;
    await page.goto(`/#/pages/join/index?code=${invitation.code}`);
    await page.locator('#field-name input').fill('郑晓红');
    await page.locator('#join-submit').click();
    await page.locator('#joined').getByText(orgName, { exact: false }).waitFor();
    await page.locator('#join-awaiting-approval').getByText('待审核').waitFor();
    const whoami = await act<{ person: { id: string } }>(newcomer, 'session.whoami', {});
    personId = whoami.person.id;
    expect(personId).not.toBe('');

    await page.goto('/#/pages/pending/index');
    await page.locator(`#leader-waiting-${orgId}`).getByText(`${orgName} 党组织负责人`, { exact: false }).waitFor();
  });

  it('the office sees who asks in 待办 and refuses, a reason being required', async () => {
    const { page } = office;
    await openWorkbench(page);
    expect(await waitingCount(page, 'waiting-leaders')).toBeGreaterThanOrEqual(1);
    await page.locator('#waiting-leaders').click();
    const card = page.locator(`#${cardId()}`);
    await card.getByText('郑晓红', { exact: true }).waitFor();
    await card.getByText(`申请担任：${orgName} 党组织负责人`).waitFor();
    await card.getByText('邀请人：孙丽').waitFor();
    await expect(card.textContent()).resolves.toMatch(/申请时间：\d{4}/);

    await page.locator(`#${cardId()}-refuse`).click();
    await page.locator(`#${cardId()}-refuse-confirm`).click();
    await card.getByText('请填写退回原因').waitFor();
    await page.locator(`#${cardId()}-reason textarea`).fill(reason);
    await page.locator(`#${cardId()}-refuse-confirm`).click();
    await card.waitFor({ state: 'detached' });

    await openWorkbench(page);
    expect(await page.locator(`#${cardId()}`).count()).toBe(0);
  });

  it('the newcomer finds the reason from home, on the pending page, and asks again, once', async () => {
    const { page } = newcomer;
    await page.goto('/');
    await page.locator('#greeting').getByText('您好，郑晓红').waitFor();
    await page.getByText('您目前没有任何身份，请联系邀请您的单位或共建办。').waitFor();
    await page.locator('#go-leader-requests').click();
    const refused = page.locator(`#leader-refused-${orgId}`);
    await refused.getByText('您的负责人申请未通过').waitFor();
    await refused.getByText(`退回原因：${reason}`).waitFor();
    await refused.getByText(/孙丽 于 .* 退回/).waitFor();

    await page.locator(`#reapply-${orgId}`).click();
    await page.locator(`#leader-waiting-${orgId}`).waitFor();
    expect(await page.locator(`#reapply-${orgId}`).count()).toBe(0);
    expect(await page.locator(`#leader-refused-${orgId}`).count()).toBe(0);
    // Asking a second time is not possible while the first waits.
    await expect(refusedAct(newcomer, 'admin.reapplyLeader', { orgId })).resolves.toMatchObject({ message: '没有可以重新申请的记录' });

    await page.reload();
    await page.locator(`#leader-waiting-${orgId}`).waitFor();
  });

  it('the request is back before the office', async () => {
    const { page } = office;
    await openWorkbench(page);
    await page.locator(`#${cardId()}`).getByText('郑晓红', { exact: true }).waitFor();
  });
});

describe('签到核查: a check-in outside the geofence reaches the office, which marks it reviewed', () => {
  // 区商务局 — 深圳市新城软件有限公司, both in 龙城街道: 单位联络员11 visits, 孙丽 checks.
  const pairing = district.pairings[10]!;
  const note = '已与纸质台账核对：当天企业在园区外的分厂接待，签到位置属实';
  let worker: Session;
  let office: Session;
  let recordId = '';

  beforeAll(async () => {
    worker = await open('demo-staff011', { geolocation: aKilometreNorthOf(orgOf(pairing.orgId).location) });
    office = await open('demo-sunli');
  });

  it('the unit worker checks in a kilometre away: accepted, with a note for whoever reviews it', async () => {
    const { page } = worker;
    await page.goto('/');
    await page.locator('#greeting').getByText('您好，单位联络员11').waitFor();
    await page.getByText('到访签到', { exact: true }).click();
    await page.locator('#checkin-submit').click();
    await page.getByText('已签到').waitFor();
    await expect(page.locator('#checkin-evidence').textContent()).resolves.toMatch(/距离组织：约 (9\d\d 米|1(\.\d)? 公里)/);
    await page.locator('#checkin-review-notes').getByText('不在组织附近').waitFor();

    await page.getByText('写访问记录').click();
    await page.getByText('已附上本次到访签到。').waitFor();
    await writeAndSubmitRecord(page, '到新城软件分厂走访，指导新建党小组开展组织生活');
    await page.getByText('请组织负责人确认').waitFor();
    recordId = recordIdOf(page);
  });

  it('the office finds it from 待办 on the checks page and marks it reviewed with a note; 待办 goes down', async () => {
    const { page } = office;
    await openWorkbench(page);
    const before = await waitingCount(page, 'waiting-records');
    expect(before).toBeGreaterThanOrEqual(1);
    // The same page is reachable from 督办与考核.
    await page.locator('#office-work #go-checks').waitFor();
    await page.locator('#waiting-records').click();

    const card = page.locator(`#check-${recordId}`);
    await card.getByText('区商务局 · 深圳市新城软件有限公司').waitFor();
    await card.getByText('待核查：不在组织附近').waitFor();
    await expect(page.locator('#checks-summary').textContent()).resolves.toContain(`有核查提示的记录共 ${before} 条`);

    await page.locator(`#check-${recordId}-review`).click();
    await page.locator(`#check-${recordId}-review-confirm`).click();
    await card.getByText('请填写核查说明').waitFor();
    await page.locator(`#check-${recordId}-note textarea`).fill(note);
    await page.locator(`#check-${recordId}-review-confirm`).click();
    await card.waitFor({ state: 'detached' });

    await page.locator('#checks-tab').click();
    await page.getByText('已核查的记录', { exact: true }).waitFor();
    await page.locator(`#check-${recordId}-review`).getByText(new RegExp(`核查说明：${note}（孙丽，`)).waitFor();

    await openWorkbench(page);
    expect(await waitingCount(page, 'waiting-records')).toBe(before - 1);
    await page.locator('#go-checks').click();
    await page.locator('#checks-summary').getByText(`有核查提示的记录共 ${before - 1} 条`, { exact: false }).waitFor();
    expect(await page.locator(`#check-${recordId}`).count()).toBe(0);
  });
});
