/**
 * A work plan carries its own history (提交、通过、退回), written in the same conditional write as the
 * step, and the audit trail shows it to the offices over the plan's street only. Attacked here: the
 * trail's content and scope, two people submitting or reviewing at the same moment, a step never
 * without its entry, and the requests a unit worker's submission takes.
 */
import { chinaInstant } from '../../src/domain/time/chinaTime';
import type { TrailItem } from '../../src/domain/admin/audit';
import { wxServerSdk } from '../../localcloud/sdk';
import { addPerson, dataOf, useTestCloudAt } from '../support/testCloud';

const cloud = useTestCloudAt(chinaInstant(2026, 11, 10, 10));
const unitId = () => cloud().district.pairings[0]!.unitId;
const plan = () => ({ subjectType: 'unit' as const, subjectId: unitId(), year: 2026 });
const planId = () => `plan-2026-unit-${unitId()}`;
const otherStreet = () => cloud().district.streets.find((street) => street._id !== 'street-longcheng')!._id;

interface StoredPlan {
  readonly state: string;
  readonly history: Array<{ event: string; actorId: string; from: string; note: string }>;
  readonly reviews: unknown[];
}

async function planDocument(id = planId()): Promise<StoredPlan> {
  return ((await wxServerSdk().database().collection('workPlans').doc(id).get()) as { data: unknown }).data as StoredPlan;
}

async function trail(openid: string, filter: { unitId?: string; personId?: string; orgId?: string } = {}): Promise<TrailItem[]> {
  return dataOf(await cloud().call(openid, 'admin.audit', { limit: 100, ...filter })).items.filter((item) => item.source === 'plan');
}

beforeAll(async () => {
  await addPerson('demo-other-street', '他街道办', [{ role: 'streetOffice', scopeType: 'street', scopeId: otherStreet() }]);
});

describe('a plan’s history in the audit trail', () => {
  it('submitted by two of the unit at the same moment: one submission, one entry, the other told it is already in', async () => {
    const t = cloud();
    dataOf(await t.call('demo-liming', 'plans.save', { ...plan(), text: '一、共建目标……' }));
    t.cloud.db.resetStats();
    const [first, second] = await Promise.all([t.call('demo-liming', 'plans.submit', plan()), t.call('demo-zhaojun', 'plans.submit', plan())]);
    // Both read the draft before either wrote: the loser's write was refused by the database and it read again.
    expect(t.cloud.db.stats.requests).toBe(3 + 4);
    expect([first.ok, second.ok].sort()).toEqual([false, true]);
    expect([first, second].find((result) => !result.ok)).toEqual({ ok: false, error: { code: 'ALREADY_DONE', message: '方案已提交，无需重复提交' } });
    const stored = await planDocument();
    expect(stored.state).toBe('submitted');
    expect(stored.history.map((entry) => entry.event)).toEqual(['submit']);
  });

  it('reviewed by the street and the district at the same moment: one decision, one review, one entry', async () => {
    const t = cloud();
    const [street, district] = await Promise.all([
      t.call('demo-sunli', 'plans.review', { planId: planId(), decision: 'return', comment: '请补充工青妇同步结对的安排' }),
      t.call('demo-zhoutao', 'plans.review', { planId: planId(), decision: 'return', comment: '请写明每季度联合活动的安排' }),
    ]);
    expect([street.ok, district.ok].sort()).toEqual([false, true]);
    expect([street, district].find((result) => !result.ok)).toEqual({ ok: false, error: { code: 'CONFLICT', message: '方案刚被其他人审阅，请刷新后查看' } });
    const stored = await planDocument();
    expect(stored.reviews).toHaveLength(1);
    expect(stored.history.map((entry) => entry.event)).toEqual(['submit', 'return']);
    expect(stored.state).toBe('returned');
  });

  it('shows each step to the offices over the street, newest first, with who, the states in Chinese and the notes; nothing in auditTrail twice', async () => {
    const t = cloud();
    dataOf(await t.call('demo-zhaojun', 'plans.save', { ...plan(), text: '一、共建目标……二、工青妇同步结对' }));
    dataOf(await t.call('demo-zhaojun', 'plans.submit', plan()));
    dataOf(await t.call('demo-sunli', 'plans.review', { planId: planId(), decision: 'accept' }));

    const items = await trail('demo-sunli', { unitId: unitId() });
    expect(items.map((item) => item.title)).toEqual(['通过工作方案', '提交工作方案', '退回工作方案', '提交工作方案']);
    expect(items[0]).toMatchObject({ actorName: '孙丽', subjectName: '区发展和改革局 2026 年度方案', changes: [{ field: '状态', before: '已提交，待审阅', after: '已通过' }], note: '' });
    expect(items[1]).toMatchObject({ actorName: '赵军', changes: [{ field: '状态', before: '已退回，待修改', after: '已提交，待审阅' }], note: '修改后再次提交' });
    expect(items[2]!.note).toMatch(/^请(补充工青妇同步结对|写明每季度联合活动)的安排$/);
    expect(items[3]).toMatchObject({ changes: [{ field: '状态', before: '草稿', after: '已提交，待审阅' }], note: '' });
    expect(await trail('demo-zhoutao', { unitId: unitId() })).toEqual(items);
    expect(await trail('demo-sunli')).toEqual(expect.arrayContaining(items));
    // The steps are the plan's own history, not administration entries as well.
    expect(await t.count('auditTrail', { subjectType: 'plan' })).toBe(0);
  });

  it('is filtered by person: only the steps that person took', async () => {
    const steps = (await planDocument()).history.filter((entry) => entry.actorId === 'person-zhaojun').length;
    const items = await trail('demo-sunli', { personId: 'person-zhaojun' });
    expect(items.length).toBe(steps);
    expect(new Set(items.map((item) => [item.title, item.actorName].join()))).toEqual(new Set(['提交工作方案,赵军']));
    expect((await trail('demo-sunli', { personId: 'person-sunli' })).map((item) => item.actorName)).toEqual(expect.arrayContaining(['孙丽']));
    expect(new Set((await trail('demo-sunli', { personId: 'person-sunli' })).map((item) => item.actorName))).toEqual(new Set(['孙丽']));
    expect(await trail('demo-sunli', { orgId: cloud().district.pairings[0]!.orgId })).toEqual([]);
  });

  it('is not shown to another street’s office, nor to the unit itself', async () => {
    expect(await trail('demo-other-street')).toEqual([]);
    expect(await trail('demo-other-street', { unitId: unitId() })).toEqual([]);
    expect(await cloud().call('demo-liming', 'admin.audit', { limit: 100 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('shows a street’s own arrangement to that street’s office and the district, not to another street', async () => {
    const t = cloud();
    const street = { subjectType: 'street' as const, subjectId: 'street-longcheng', year: 2026 };
    dataOf(await t.call('demo-sunli', 'plans.save', { ...street, text: '龙城街道结对安排表见附件' }));
    dataOf(await t.call('demo-sunli', 'plans.submit', street));
    const arrangement = (items: TrailItem[]) => items.filter((item) => item.subjectName === '龙城街道 2026 年度方案').map((item) => item.title);
    expect(arrangement(await trail('demo-sunli'))).toEqual(['提交工作方案']);
    expect(arrangement(await trail('demo-zhoutao'))).toEqual(['提交工作方案']);
    expect(arrangement(await trail('demo-other-street'))).toEqual([]);
  });
});

describe('a plan written before plans kept their history', () => {
  it('is submitted by a unit worker in three database requests, its history starting with that step', async () => {
    const t = cloud();
    const unit = t.district.pairings[1]!;
    const id = `plan-2026-unit-${unit.unitId}`;
    // As the old code left it: no `history` field; its earlier steps are administration entries.
    const legacy = { year: 2026, subjectType: 'unit', subjectId: unit.unitId, subjectName: unit.unitName, streetId: unit.unitStreetId, state: 'returned', text: '旧方案', attachments: [], authorId: 'person-chenjing', authorName: '陈静', firstSubmittedAt: chinaInstant(2026, 11, 3, 9), submittedAt: chinaInstant(2026, 11, 3, 9), deadlineAtSubmission: '2026-11-15', reviews: [{ at: chinaInstant(2026, 11, 4, 9), byId: 'person-sunli', byName: '孙丽', decision: 'return', comment: '请补充' }], createdAt: chinaInstant(2026, 11, 2, 9), updatedAt: chinaInstant(2026, 11, 4, 9) };
    await wxServerSdk().database().collection('workPlans').doc(id).set({ data: legacy });
    t.cloud.db.resetStats();
    const submitted = dataOf(await t.call('demo-chenjing', 'plans.submit', { subjectType: 'unit', subjectId: unit.unitId, year: 2026 }));
    expect(t.cloud.db.stats.requests).toBeLessThanOrEqual(3);
    expect(submitted.plan).toMatchObject({ state: 'submitted', timing: 'onTime', firstSubmittedAt: chinaInstant(2026, 11, 3, 9).toISOString() });
    expect((await planDocument(id)).history).toEqual([expect.objectContaining({ event: 'submit', from: 'returned', note: '修改后再次提交' })]);
  });
});
