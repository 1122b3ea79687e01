import { chinaInstant } from '../../src/domain/time/chinaTime';
import { moveTo, restoreClock, standAt } from '../support/clock';
import type { TestCloud } from '../support/testCloud';
import { addPerson, openTestCloud } from '../support/testCloud';
import { answerInput, entryOf, SEEDED_ROUND, surveyState } from './surveysFixture';

let t: TestCloud;
beforeAll(async () => {
  standAt(chinaInstant(2026, 6, 20, 10));
  t = await openTestCloud();
  await addPerson('street-buji', '布吉街道共建办', [{ role: 'streetOffice', scopeType: 'street', scopeId: 'street-buji', scopeName: '布吉街道' }]);
});
afterAll(() => {
  t.close();
  restoreClock();
});

async function createYearEnd(openid = 'demo-zhoutao', extra: { streetId?: string } = {}) {
  const created = await t.call(openid, 'surveys.create', { period: 'yearEnd', year: 2026, endDate: '2026-07-31', ...extra });
  if (!created.ok) throw new Error(`${created.error.code} ${created.error.message}`);
  return created.data;
}

describe('rounds: draft → open → closed', () => {
  it('lists the seeded round for offices, with the scopes each may start a round for', async () => {
    const district = await t.call('demo-zhoutao', 'surveys.list', {});
    expect(district).toMatchObject({ ok: true, data: { scopes: [{ name: '全区' }], suggested: { year: 2026, period: 'midYear', endDate: '2026-07-04' } } });
    expect(district.ok && district.data.items.map((round) => [round.id, round.label, round.phase, round.pairingCount, round.canManage])).toEqual([[SEEDED_ROUND, '2026年年中评议', 'open', 30, true]]);
    const street = await t.call('demo-sunli', 'surveys.list', {});
    expect(street).toMatchObject({ ok: true, data: { scopes: [{ streetId: 'street-longcheng', name: '龙城街道' }], items: [{ id: SEEDED_ROUND, canManage: false }] } });
    expect(await t.call('demo-liming', 'surveys.list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('starts a draft with the default form and weights; only the district office starts a district round', async () => {
    const draft = await createYearEnd();
    expect(draft.round).toMatchObject({ label: '2026年年终评议', phase: 'draft', scopeName: '全区', pairingCount: 0, canManage: true, weights: { partyMass: 40, employees: 40, owner: 20 }, threshold: 3, maxPoints: 10 });
    expect(draft.round.form.items).toHaveLength(6);
    expect(draft.pairingsInScope).toBe(30);
    expect(await t.call('demo-sunli', 'surveys.create', { period: 'yearEnd', year: 2026, endDate: '2026-07-31' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', field: 'streetId' } });
    expect(await t.call('demo-sunli', 'surveys.create', { period: 'yearEnd', year: 2026, endDate: '2026-07-31', streetId: 'street-buji' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '只能为本街道发起评议' } });
    const street = await createYearEnd('demo-sunli', { streetId: 'street-longcheng' });
    expect(street.round).toMatchObject({ scopeName: '龙城街道', scopeType: 'street', canManage: true });
    expect(street.pairingsInScope).toBeGreaterThan(0);
    expect(street.pairingsInScope).toBeLessThan(30);
  });

  it('refuses bad round input with a clear message and writes nothing', async () => {
    const before = await surveyState();
    const cases: Array<[unknown, string, string]> = [
      [{ period: 'spring', year: 2026, endDate: '2026-07-31' }, 'period', '请选择年中评议或年终评议'],
      [{ period: 'yearEnd', year: 2026, endDate: '2026-06-19' }, 'endDate', '截止日期不能早于今天'],
      [{ period: 'yearEnd', year: 2026, endDate: '2026-13-01' }, 'endDate', '日期格式应为 YYYY-MM-DD，且须是真实日期'],
      [{ period: 'yearEnd', year: 2024, endDate: '2026-07-31' }, 'year', '只能为今年或去年的结对发起评议'],
      [{ period: 'yearEnd', year: 2026, endDate: '2026-07-31', streetId: 'street-nowhere' }, 'streetId', '找不到这个街道'],
    ];
    for (const [input, field, message] of cases) {
      expect(await t.raw('demo-zhoutao', 'surveys', { action: 'surveys.create', input })).toMatchObject({ ok: false, error: { field, message } });
    }
    expect(await surveyState()).toBe(before);
  });

  it('versions the form of a draft and refuses stale or invalid edits without writing', async () => {
    const draft = await createYearEnd();
    const roundId = draft.round.id;
    const items = draft.round.form.items.map((item) => ({ id: item.id, title: item.title }));
    const edited = await t.call('demo-zhoutao', 'surveys.updateDraft', { roundId, formVersion: 1, items: [...items.slice(0, 5), { title: '宣传政策法规' }], weights: { partyMass: 50, employees: 30, owner: 20 }, threshold: 5 });
    expect(edited).toMatchObject({ ok: true, data: { round: { form: { version: 2 }, weights: { partyMass: 50, employees: 30, owner: 20 }, threshold: 5 } } });
    expect(edited.ok && edited.data.round.form.items.map((item) => item.id)).toEqual(['visits', 'jointActivities', 'partyMassHelp', 'employeeCare', 'practicalProblems', 'q1']);

    const before = await surveyState();
    expect(await t.call('demo-zhoutao', 'surveys.updateDraft', { roundId, formVersion: 1, items })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '问卷刚被其他人修改过，请刷新后再编辑' } });
    expect(await t.call('demo-zhoutao', 'surveys.updateDraft', { roundId, formVersion: 2, items: [] })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'items', message: '问卷至少要有 1 题' } });
    expect(await t.call('demo-zhoutao', 'surveys.updateDraft', { roundId, formVersion: 2, items: [{ title: '好' }] })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'items.0.title', message: '第 1 题的题目太短' } });
    expect(await t.call('demo-zhoutao', 'surveys.updateDraft', { roundId, formVersion: 2, weights: { partyMass: 0, employees: 0, owner: 0 } })).toMatchObject({ ok: false, error: { field: 'weights', message: '至少要有一个分组的权重大于 0' } });
    expect(await t.call('demo-zhoutao', 'surveys.updateDraft', { roundId, formVersion: 2, weights: { partyMass: 500, employees: 0, owner: 0 } })).toMatchObject({ ok: false, error: { field: 'weights.partyMass', message: '权重不能超过 100' } });
    expect(await t.call('demo-zhoutao', 'surveys.updateDraft', { roundId, formVersion: 2, threshold: 2 })).toMatchObject({ ok: false, error: { field: 'threshold', message: '公开结果的最少份数不能小于 3' } });
    expect(await t.call('demo-sunli', 'surveys.updateDraft', { roundId, formVersion: 2, items })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call('demo-zhoutao', 'surveys.updateDraft', { roundId: 'no-such-round', formVersion: 2, items })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: '找不到这次评议' } });
    expect(await surveyState()).toBe(before);
  });

  it('opens with the version the office saw, freezes the form and sends every pairing one entry per group', async () => {
    const draft = await createYearEnd();
    const roundId = draft.round.id;
    await t.call('demo-zhoutao', 'surveys.updateDraft', { roundId, formVersion: 1, items: [{ id: 'visits', title: '到访指导' }, { id: 'workStyle', title: '工作作风' }] });
    expect(await t.call('demo-zhoutao', 'surveys.open', { roundId, formVersion: 1 })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '问卷刚被修改过，请确认最新的问卷后再发布' } });
    expect(await t.call('demo-sunli', 'surveys.open', { roundId, formVersion: 2 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    const opened = await t.call('demo-zhoutao', 'surveys.open', { roundId, formVersion: 2 });
    expect(opened).toMatchObject({ ok: true, data: { round: { phase: 'open', pairingCount: 30, form: { version: 2 } } } });
    expect(opened.ok && opened.data.pairings).toHaveLength(30);
    expect(await t.count('surveyEntries', { roundId })).toBe(90);
    expect(await t.call('demo-zhoutao', 'surveys.open', { roundId, formVersion: 2 })).toMatchObject({ ok: true });
    expect(await t.count('surveyEntries', { roundId })).toBe(90);

    const entry = await entryOf(t, roundId, t.district.pairings[0]!._id, 'employees');
    const view = await t.call(undefined, 'surveys.entry', { entry });
    expect(view).toMatchObject({ ok: true, data: { roundLabel: '2026年年终评议', unitName: '区发展和改革局', orgName: '深圳华星光电科技有限公司', group: 'employees', phase: 'open', form: { version: 2, items: [{ id: 'visits' }, { id: 'workStyle' }] } } });
    const frozen = await t.call('demo-zhoutao', 'surveys.updateDraft', { roundId, formVersion: 2, items: [{ id: 'visits', title: '到访' }] });
    expect(frozen).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '评议已发布，问卷已冻结，不能再修改' } });

    // The street's year-end draft now finds every pairing covered by the district's round.
    const street = await createYearEnd('demo-sunli', { streetId: 'street-longcheng' });
    expect(street.pairingsInScope).toBe(0);
    expect(await t.call('demo-sunli', 'surveys.open', { roundId: street.round.id, formVersion: 1 })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '范围内没有需要评议的结对（可能都已在本年度同期的其他评议中）' } });
  });

  it('lets a street office see the district round for its street’s pairings only, and not manage it', async () => {
    const detail = await t.call('demo-sunli', 'surveys.round', { roundId: SEEDED_ROUND });
    if (!detail.ok) throw new Error(detail.error.message);
    expect(detail.data.round.canManage).toBe(false);
    expect(detail.data.pairings.length).toBeGreaterThan(0);
    expect(detail.data.pairings.length).toBeLessThan(30);
    expect(await t.call('demo-sunli', 'surveys.close', { roundId: SEEDED_ROUND })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const buji = await createYearEnd('street-buji', { streetId: 'street-buji' });
    expect(await t.call('demo-sunli', 'surveys.round', { roundId: buji.round.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('answers a page of a round’s pairings, by unit name, with the pairings and answers counted over all', async () => {
    const whole = await t.call('demo-zhoutao', 'surveys.round', { roundId: SEEDED_ROUND });
    if (!whole.ok) throw new Error(whole.error.message);
    expect(whole.data.page).toEqual({ offset: 0, limit: 50, total: whole.data.pairings.length });
    expect(whole.data.responses).toBe(whole.data.pairings.reduce((sum, pairing) => sum + pairing.total, 0));
    expect(whole.data.responses).toBeGreaterThan(0);
    const pages = [];
    for (let offset = 0; offset < whole.data.page.total; offset += 8) {
      const page = await t.call('demo-zhoutao', 'surveys.round', { roundId: SEEDED_ROUND, offset, limit: 8 });
      if (!page.ok) throw new Error(page.error.message);
      expect(page.data.page).toEqual({ offset, limit: 8, total: whole.data.page.total });
      expect(page.data.responses).toBe(whole.data.responses);
      pages.push(...page.data.pairings);
    }
    expect(pages).toEqual(whole.data.pairings);
    const names = whole.data.pairings.map((pairing) => pairing.unitName);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'zh-CN')));
  });

  it('ends a round early on request and at its end time by itself; late answers are refused', async () => {
    const draft = await createYearEnd();
    // all year-end pairings are covered by the round opened above: a mid-July year-end draft of 2025 has no pairings either
    expect(draft.pairingsInScope).toBe(0);

    const pairingId = t.district.pairings[3]!._id;
    const entry = await entryOf(t, SEEDED_ROUND, pairingId, 'employees');
    expect(await t.call('late-1', 'surveys.answer', answerInput(entry))).toMatchObject({ ok: true });
    moveTo(chinaInstant(2026, 7, 4, 23, 59, 59));
    expect(await t.call('late-2', 'surveys.answer', answerInput(entry))).toMatchObject({ ok: true });
    moveTo(chinaInstant(2026, 7, 5, 0, 0, 0));
    const before = await surveyState();
    expect(await t.call('late-3', 'surveys.answer', answerInput(entry))).toMatchObject({ ok: false, error: { code: 'EXPIRED', message: '本次评议已于 7月4日 24:00 结束，不再接收答卷' } });
    expect(await surveyState()).toBe(before);
    expect(await t.call(undefined, 'surveys.entry', { entry })).toMatchObject({ ok: true, data: { phase: 'closed' } });
    const list = await t.call('demo-zhoutao', 'surveys.list', {});
    expect(list.ok && list.data.items.find((round) => round.id === SEEDED_ROUND)?.phase).toBe('closed');
    moveTo(chinaInstant(2026, 6, 20, 10));
  });
});
