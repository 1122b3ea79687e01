import { chinaInstant } from '../../src/domain/time/chinaTime';
import { moveTo, restoreClock, standAt } from '../support/clock';
import type { TestCloud } from '../support/testCloud';
import { openTestCloud } from '../support/testCloud';

let t: TestCloud;
beforeAll(async () => {
  standAt(chinaInstant(2026, 11, 1, 10));
  t = await openTestCloud();
});
afterAll(() => {
  t.close();
  restoreClock();
});

const ok = <T>(result: { ok: true; data: T } | { ok: false; error: { code: string; message: string } }): T => {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data;
};
const runTimer = () => t.cloud.functions.invoke('plans', { Type: 'Timer', TriggerName: 'planReminders' }, { ENV: 'local', SOURCE: 'timer' }) as Promise<{ ok: boolean; data: { due: number; sent: number; alreadySent: number } }>;
const unit1 = () => t.district.pairings[0]!.unitId;
const unit2 = () => t.district.pairings[1]!.unitId;
const plan = (unitId: string) => ({ subjectType: 'unit' as const, subjectId: unitId, year: 2026 });

describe('a unit’s work plan', () => {
  it('shows the unit its plan slot and the default deadline, 15 November', async () => {
    const mine = ok(await t.call('demo-liming', 'plans.mine', {}));
    expect(mine).toMatchObject({ year: 2026, deadline: '2026-11-15', reminderTemplateId: 'local-plan-reminder', slots: [{ subjectType: 'unit', subjectId: unit1(), subjectName: '区发展和改革局', plan: null, timing: 'open' }] });
    expect(ok(await t.call('demo-wangfang', 'plans.mine', {})).slots).toEqual([]);
  });

  it('is saved, submitted on time, returned with comments (the unit is told), corrected and accepted', async () => {
    expect(await t.call('demo-liming', 'plans.submit', plan(unit1()))).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: '请先填写并保存方案内容' } });
    expect(await t.call('demo-liming', 'plans.save', { ...plan(unit1()), text: '   ' })).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: '请填写方案内容', field: 'text' } });
    expect(await t.count('workPlans')).toBe(0);
    const saved = ok(await t.call('demo-liming', 'plans.save', { ...plan(unit1()), text: '一、共建目标……二、工作举措……', attachments: [{ fileId: `cloud://local.local-bucket/uploads/demo-liming/plans/2026/${unit1()}/a.pdf`, name: '方案.pdf' }] }));
    expect(saved.plan).toMatchObject({ state: 'draft', timing: 'open', authorName: '李明' });
    const submitted = ok(await t.call('demo-liming', 'plans.submit', plan(unit1())));
    expect(submitted.plan).toMatchObject({ state: 'submitted', timing: 'onTime', deadline: '2026-11-15' });
    // The office workbench counts it as waiting for review: the street's office and the district's, nobody else's.
    const waitingPlans = async (office: string) => (ok(await t.call(office, 'admin.overview', {})) as { waiting: { plans: number } }).waiting.plans;
    expect(await waitingPlans('demo-sunli')).toBe(1);
    expect(await waitingPlans('demo-zhoutao')).toBe(1);
    expect(await t.call('demo-liming', 'plans.save', { ...plan(unit1()), text: '改一下' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/已提交/) } });

    expect(await t.call('demo-sunli', 'plans.review', { planId: saved.plan.id, decision: 'return' })).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: '退回时请写明修改意见', field: 'comment' } });
    const outboxBefore = t.cloud.outbox.list({ limit: 500 }).length;
    expect(ok(await t.call('demo-sunli', 'plans.review', { planId: saved.plan.id, decision: 'return', comment: '请补充工青妇同步结对的安排' })).plan).toMatchObject({ state: 'returned', reviews: [{ byName: '孙丽', decision: 'return', comment: '请补充工青妇同步结对的安排' }] });
    const told = t.cloud.outbox.list({ limit: 500 }).slice(0, t.cloud.outbox.list({ limit: 500 }).length - outboxBefore);
    expect(told.map((message) => message.touser).sort()).toEqual(['demo-liming', 'demo-zhaojun']);
    expect(told[0]).toMatchObject({ templateId: 'local-plan-reminder', page: 'pages-more/plan/index', data: { thing1: { value: '2026年度工作方案已退回' }, thing4: { value: '请补充工青妇同步结对的安排' } } });

    moveTo(chinaInstant(2026, 11, 20, 10));
    ok(await t.call('demo-zhaojun', 'plans.save', { ...plan(unit1()), text: '一、共建目标……二、工作举措……三、工青妇同步结对' }));
    const again = ok(await t.call('demo-zhaojun', 'plans.submit', plan(unit1())));
    expect(again.plan).toMatchObject({ state: 'submitted', timing: 'onTime' });
    expect(ok(await t.call('demo-sunli', 'plans.review', { planId: saved.plan.id, decision: 'accept' })).plan.state).toBe('accepted');
    expect(await t.call('demo-sunli', 'plans.review', { planId: saved.plan.id, decision: 'accept' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '方案已通过' } });
  });

  it('shows late submissions as late, and units with none as overdue', async () => {
    const list = ok(await t.call('demo-zhoutao', 'plans.list', {}));
    expect(list.slots.find((slot) => slot.subjectId === unit2())).toMatchObject({ plan: null, timing: 'overdue' });
    expect(list.counts.overdue).toBe(list.slots.length - 1);
    ok(await t.call('demo-chenjing', 'plans.save', { ...plan(unit2()), text: '迟到的方案' }));
    expect(ok(await t.call('demo-chenjing', 'plans.submit', plan(unit2()))).plan.timing).toBe('late');
    const after = ok(await t.call('demo-zhoutao', 'plans.list', {}));
    expect(after.counts).toMatchObject({ late: 1, onTime: 1 });
    expect(after.canSetDeadline).toBe(true);
    // A street office lists its own street's units only.
    const longcheng = ok(await t.call('demo-sunli', 'plans.list', {}));
    expect(longcheng.slots.every((slot) => slot.streetId === 'street-longcheng')).toBe(true);
    expect(longcheng.canSetDeadline).toBe(false);
  });

  it('answers one page of the slots, those to chase first, or one timing only; the counts cover every slot', async () => {
    const whole = ok(await t.call('demo-zhoutao', 'plans.list', {}));
    expect(whole.page).toEqual({ offset: 0, limit: 50, total: whole.slots.length });
    const order = ['overdue', 'late', 'dueSoon', 'open', 'onTime'];
    expect(whole.slots.map((slot) => order.indexOf(slot.timing))).toEqual([...whole.slots.map((slot) => order.indexOf(slot.timing))].sort((a, b) => a - b));
    const pages = [];
    for (let offset = 0; offset < whole.page.total; offset += 4) pages.push(ok(await t.call('demo-zhoutao', 'plans.list', { offset, limit: 4 })));
    expect(pages.flatMap((page) => page.slots)).toEqual(whole.slots);
    expect(pages.every((page) => JSON.stringify(page.counts) === JSON.stringify(whole.counts))).toBe(true);
    const late = ok(await t.call('demo-zhoutao', 'plans.list', { timing: 'late' }));
    expect(late.slots.map((slot) => slot.subjectId)).toEqual([unit2()]);
    expect(late.page.total).toBe(whole.counts.late);
    expect(late.counts).toEqual(whole.counts);
    expect(await t.call('demo-zhoutao', 'plans.list', { timing: 'lost' as never })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('refuses writers and reviewers out of scope', async () => {
    expect(await t.call('demo-chenjing', 'plans.save', { ...plan(unit1()), text: '别人的方案' })).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: '只有本单位的人员可以编写本单位的工作方案' } });
    const planId = `plan-2026-unit-${unit2()}`;
    const bujiOffice = await t.call('demo-wangfang', 'plans.review', { planId, decision: 'accept' });
    expect(bujiOffice).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call('demo-wangfang', 'plans.get', { planId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('deadlines and a street’s arrangement', () => {
  it('lets the district office set the deadline; nobody else', async () => {
    expect(await t.call('demo-sunli', 'plans.setDeadline', { year: 2027, deadline: '2027-03-31' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call('demo-zhoutao', 'plans.setDeadline', { year: 2027, deadline: '2027-02-30' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'deadline' } });
    expect(ok(await t.call('demo-zhoutao', 'plans.setDeadline', { year: 2027, deadline: '2027-03-31' }))).toEqual({ year: 2027, deadline: '2027-03-31' });
    expect(ok(await t.call('demo-liming', 'plans.mine', { year: 2027 })).deadline).toBe('2027-03-31');
  });

  it('has the street office submit its arrangement and the district office review it', async () => {
    const street = { subjectType: 'street' as const, subjectId: 'street-longcheng', year: 2026 };
    const mine = ok(await t.call('demo-sunli', 'plans.mine', {}));
    expect(mine.slots).toEqual([expect.objectContaining({ subjectType: 'street', subjectName: '龙城街道', timing: 'overdue' })]);
    const saved = ok(await t.call('demo-sunli', 'plans.save', { ...street, text: '龙城街道机关事业单位与“两新”组织结对安排表见附件', attachments: [{ fileId: 'cloud://local.local-bucket/uploads/demo-sunli/plans/2026/street-longcheng/longcheng.xlsx', name: '龙城街道结对安排表.xlsx' }] }));
    ok(await t.call('demo-sunli', 'plans.submit', street));
    expect(await t.call('demo-sunli', 'plans.review', { planId: saved.plan.id, decision: 'accept' })).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: '街道的结对工作安排由区委党群共建办审阅' } });
    expect(ok(await t.call('demo-zhoutao', 'plans.list', { subjectType: 'street' })).slots.find((slot) => slot.subjectId === 'street-longcheng')).toMatchObject({ timing: 'late', plan: { state: 'submitted' } });
    expect(ok(await t.call('demo-zhoutao', 'plans.review', { planId: saved.plan.id, decision: 'accept' })).plan.state).toBe('accepted');
    expect(await t.call('demo-liming', 'plans.save', { ...street, text: '越权' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '只有本街道党群共建办可以提交街道的结对工作安排' } });
  });
});

describe('reminders before the deadline', () => {
  it('refuses to run from the mini-program', async () => {
    expect(await t.raw('demo-liming', 'plans', { Type: 'Timer' })).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: '该功能只由定时任务运行' } });
  });

  it('reminds a week before and the day before, only those not submitted, never twice', async () => {
    ok(await t.call('demo-zhoutao', 'plans.setDeadline', { year: 2026, deadline: '2026-12-15' }));
    moveTo(chinaInstant(2026, 12, 1, 9, 30));
    expect((await runTimer()).data).toMatchObject({ due: 0, sent: 0 });
    moveTo(chinaInstant(2026, 12, 8, 9, 30));
    const before = t.cloud.outbox.list({ limit: 500 }).length;
    const week = await runTimer();
    expect(week.data.sent).toBeGreaterThan(10);
    const messages = t.cloud.outbox.list({ limit: 500 }).slice(0, t.cloud.outbox.list({ limit: 500 }).length - before);
    expect(messages.some((message) => message.touser === 'demo-liming' || message.touser === 'demo-chenjing' || message.touser === 'demo-sunli')).toBe(false);
    expect(messages[0]).toMatchObject({ templateId: 'local-plan-reminder', data: { date3: { value: '2026-12-15' }, thing4: { value: '截止前一周，请按时提交' } } });
    // Today's work is done: a later run of the same day's trigger stops after reading the progress.
    expect((await runTimer()).data).toMatchObject({ due: 0, sent: 0, done: true });
    moveTo(chinaInstant(2026, 12, 14, 9, 30));
    const day = await runTimer();
    expect(day.data.sent).toBe(week.data.sent);
    moveTo(chinaInstant(2026, 12, 16, 9, 30));
    expect((await runTimer()).data).toMatchObject({ due: 0 });
  });
});
