import { chinaInstant } from '../../src/domain/time/chinaTime';
import { restoreClock, standAt } from '../support/clock';
import type { TestCloud } from '../support/testCloud';
import { addPerson, dataOf, openTestCloud } from '../support/testCloud';

/** Quarterly inspection and bulletins (督办检查与通报): generate → edit → publish; who sees what. */
const WORKER = 'demo-liming';
const OTHER_UNIT = 'demo-chenjing';
const STREET = 'demo-sunli';
const OTHER_STREET = 'test-buji-office';
const DISTRICT = 'demo-zhoutao';
const LEADER = 'demo-wangfang';
const STRANGER = 'openid-of-a-stranger';

let t: TestCloud;
beforeAll(async () => {
  standAt(chinaInstant(2026, 11, 20, 10));
  t = await openTestCloud();
  await addPerson(OTHER_STREET, '布吉共建办', [{ role: 'streetOffice', scopeType: 'street', scopeId: 'street-buji' }]);
});
afterAll(() => {
  t.close();
  restoreClock();
});

describe('the district’s quarterly bulletin', () => {
  let bulletinId: string;

  it('is drafted from the data: compliance of every unit, good practices, units to praise, units behind', async () => {
    const { bulletin } = dataOf(await t.call(DISTRICT, 'bulletins.generate', { year: 2026, quarter: 3 }));
    bulletinId = bulletin.id;
    expect(bulletin).toMatchObject({ id: 'district-2026-q3', state: 'draft', canEdit: true, canPublish: true, title: '龙岗区2026年第三季度结对共建督办检查通报' });
    expect(bulletin.content.compliance).toHaveLength(t.district.units.length);
    expect(bulletin.content.goodPractices.length).toBeGreaterThan(0);
    expect(bulletin.content.goodPractices.length).toBeLessThanOrEqual(5);
    expect(bulletin.content.summary).toMatch(/^2026年第三季度，对\d+个结对单位落实/);
    const behind = new Set(bulletin.content.behind.map((unit) => unit.unitId));
    for (const row of bulletin.content.compliance) {
      expect(behind.has(row.unitId)).toBe([...row.months, row.quarter].includes('missing'));
    }
    expect(bulletin.generated).toBeDefined();
  });

  it('is not visible to units while a draft', async () => {
    const draft = await t.call(WORKER, 'bulletins.get', { bulletinId });
    expect(draft.ok ? 'ok' : draft.error.code).toBe('NOT_FOUND');
    expect(dataOf(await t.call(WORKER, 'bulletins.list', {})).items).toEqual([]);
  });

  it('is edited by the office: texts rewritten, lists trimmed — never added to', async () => {
    const { bulletin } = dataOf(await t.call(DISTRICT, 'bulletins.get', { bulletinId }));
    const edit = bulletin.edit!;
    const praised = bulletin.generated!.praised.slice(0, 1).map((unit) => unit.unitId);
    const updated = dataOf(
      await t.call(DISTRICT, 'bulletins.update', { bulletinId, ...edit, title: '关于2026年第三季度结对共建工作的通报', closing: '望各单位再接再厉。', praisedUnitIds: praised }),
    );
    expect(updated.bulletin.content).toMatchObject({ title: '关于2026年第三季度结对共建工作的通报', closing: '望各单位再接再厉。' });
    expect(updated.bulletin.content.praised.map((unit) => unit.unitId)).toEqual(praised);

    const notBehind = bulletin.generated!.compliance.find((row) => row.compliant)!.unitId;
    const before = dataOf(await t.call(DISTRICT, 'bulletins.get', { bulletinId }));
    const added = await t.call(DISTRICT, 'bulletins.update', { bulletinId, ...edit, behindUnitIds: [...edit.behindUnitIds, notBehind] });
    expect(added).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: '需整改的单位只能从根据数据生成的名单中选择', field: 'behindUnitIds' } });
    const empty = await t.call(DISTRICT, 'bulletins.update', { bulletinId, ...edit, title: '   ' });
    expect(empty).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: '请填写标题', field: 'title' } });
    const byStreet = await t.call(STREET, 'bulletins.update', { bulletinId, ...edit });
    expect(byStreet.ok ? 'ok' : byStreet.error.code).toBe('NOT_FOUND');
    expect(dataOf(await t.call(DISTRICT, 'bulletins.get', { bulletinId }))).toEqual(before);
  });

  it('refuses to publish a quarter that has not ended, and writes nothing', async () => {
    const current = dataOf(await t.call(DISTRICT, 'bulletins.generate', { year: 2026, quarter: 4 })).bulletin;
    expect(current).toMatchObject({ canPublish: false, publishBlocked: '2026年第四季度尚未结束，结束后才能发布通报' });
    const refused = await t.call(DISTRICT, 'bulletins.publish', { bulletinId: current.id });
    expect(refused).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: '2026年第四季度尚未结束，结束后才能发布通报', field: 'quarter' } });
    expect(await t.count('bulletins', { _id: current.id, state: 'draft' })).toBe(1);
    const future = await t.call(DISTRICT, 'bulletins.generate', { year: 2027, quarter: 1 });
    expect(future).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: '该季度尚未开始，不能生成通报', field: 'quarter' } });
    expect(await t.count('bulletins', { year: 2027 })).toBe(0);
  });

  it('is published once, then every unit it concerns reads it and nobody can change it', async () => {
    const published = dataOf(await t.call(DISTRICT, 'bulletins.publish', { bulletinId }));
    expect(published.bulletin).toMatchObject({ state: 'published', canEdit: false, canPublish: false });
    const again = await t.call(DISTRICT, 'bulletins.publish', { bulletinId });
    expect(again.ok ? 'ok' : again.error.code).toBe('ALREADY_DONE');
    const edit = published.bulletin.edit!;
    const late = await t.call(DISTRICT, 'bulletins.update', { bulletinId, ...edit });
    expect(late.ok ? 'ok' : late.error.message).toBe('通报已发布，不能再修改');
    const redraft = await t.call(DISTRICT, 'bulletins.generate', { year: 2026, quarter: 3 });
    expect(redraft.ok ? 'ok' : redraft.error.message).toBe('本季度通报已发布，不能重新生成');

    const seen = dataOf(await t.call(WORKER, 'bulletins.get', { bulletinId }));
    expect(seen.bulletin).toMatchObject({ title: '关于2026年第三季度结对共建工作的通报', myUnitIds: ['unit-001'], canEdit: false });
    expect(seen.bulletin.generated).toBeUndefined();
    expect(dataOf(await t.call(WORKER, 'bulletins.list', {})).items.map((item) => item.id)).toEqual([bulletinId]);
    expect(dataOf(await t.call(OTHER_UNIT, 'bulletins.list', {})).items.map((item) => item.id)).toEqual([bulletinId]);
    expect(dataOf(await t.call(STREET, 'bulletins.list', {})).items.map((item) => item.id)).toContain(bulletinId);
    expect(dataOf(await t.call(LEADER, 'bulletins.list', {})).items).toEqual([]);
    const stranger = await t.call(STRANGER, 'bulletins.list', {});
    expect(stranger.ok ? 'ok' : stranger.error.code).toBe('UNAUTHENTICATED');
  });
});

describe('a street’s quarterly bulletin', () => {
  it('covers the street’s units only, is written by that street alone, and reaches only the units it concerns', async () => {
    const generated = dataOf(await t.call(STREET, 'bulletins.generate', { year: 2026, quarter: 3, streetId: 'street-longcheng' })).bulletin;
    expect(generated).toMatchObject({ id: 'street-longcheng-2026-q3', title: '龙城街道2026年第三季度结对共建督办检查通报', streetId: 'street-longcheng' });
    const touching = new Set(t.district.pairings.filter((pairing) => pairing.streetId === 'street-longcheng' || pairing.unitStreetId === 'street-longcheng').map((pairing) => pairing.unitId));
    expect(new Set(generated.content.compliance.map((row) => row.unitId))).toEqual(touching);

    const counts = await t.count('bulletins');
    const refusals = await Promise.all([
      t.call(OTHER_STREET, 'bulletins.generate', { year: 2026, quarter: 3, streetId: 'street-longcheng' }),
      t.call(STREET, 'bulletins.generate', { year: 2026, quarter: 3 }),
      t.call(WORKER, 'bulletins.generate', { year: 2026, quarter: 3 }),
      t.call(DISTRICT, 'bulletins.generate', { year: 2026, quarter: 5 }),
    ]);
    expect(refusals.map((result) => (result.ok ? 'ok' : result.error.message))).toEqual(['只能编写本街道的通报', '区级通报由区委党群共建办编写', '您没有权限进行此操作', '季度应为 1–4']);
    expect(await t.count('bulletins')).toBe(counts);
    const otherEdit = await t.call(OTHER_STREET, 'bulletins.publish', { bulletinId: generated.id });
    expect(otherEdit.ok ? 'ok' : otherEdit.error.code).toBe('NOT_FOUND');

    dataOf(await t.call(STREET, 'bulletins.publish', { bulletinId: generated.id }));
    const inStreet = dataOf(await t.call(WORKER, 'bulletins.list', {})).items.map((item) => item.id);
    expect(inStreet).toContain(generated.id);
    const unitTwo = t.district.units.find((unit) => unit._id === 'unit-002')!;
    const unitTwoTouches = touching.has(unitTwo._id);
    expect(dataOf(await t.call(OTHER_UNIT, 'bulletins.list', {})).items.map((item) => item.id).includes(generated.id)).toBe(unitTwoTouches);
    const fromDistrict = dataOf(await t.call(DISTRICT, 'bulletins.get', { bulletinId: generated.id }));
    expect(fromDistrict.bulletin.canEdit).toBe(false);
  });
});
