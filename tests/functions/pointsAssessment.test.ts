import { chinaInstant } from '../../src/domain/time/chinaTime';
import { wxServerSdk } from '../../localcloud/sdk';
import { moveTo, restoreClock, standAt } from '../support/clock';
import type { TestCloud } from '../support/testCloud';
import { dataOf, openTestCloud } from '../support/testCloud';

/** The self-assessment (自评) and the annual assessment (考核): checks, commendations, closing the year. */
const WORKER = 'demo-liming';
const HEAD = 'demo-zhaojun';
const OTHER_UNIT = 'demo-chenjing';
const STREET = 'demo-sunli';
const DISTRICT = 'demo-zhoutao';
const STRANGER = 'openid-of-a-stranger';

let t: TestCloud;
beforeAll(async () => {
  standAt(chinaInstant(2026, 12, 20, 10));
  t = await openTestCloud();
});
afterAll(() => {
  t.close();
  restoreClock();
});

describe('the self-assessment', () => {
  it('lets the unit head claim points with remarks; the office sees them beside the computed points and the differences', async () => {
    const before = dataOf(await t.call(HEAD, 'points.selfAssessment', {}));
    expect(before).toMatchObject({ unitId: 'unit-001', deadline: '2027-01-15', open: true, canSubmit: true, submitted: null, comparison: null });
    const computedVisits = before.computed.byRule['monthlyVisit'] ?? 0;
    const items = [
      { ruleKey: 'monthlyVisit', claimed: computedVisits + 2, remark: '12月到访已开展，待对方确认' },
      { ruleKey: 'quarterlyActivity', claimed: before.computed.byRule['quarterlyActivity'] ?? 0 },
    ];
    const submitted = dataOf(await t.call(HEAD, 'points.submitSelfAssessment', { unitId: 'unit-001', year: 2026, items, remarks: '全年按计划开展结对共建。' }));
    expect(submitted.submitted).toMatchObject({ remarks: '全年按计划开展结对共建。', submittedBy: '赵军' });
    const asOffice = dataOf(await t.call(STREET, 'points.selfAssessment', { unitId: 'unit-001' }));
    expect(asOffice.canSubmit).toBe(false);
    expect(asOffice.comparison!.rows.find((row) => row.ruleKey === 'monthlyVisit')).toEqual({
      ruleKey: 'monthlyVisit',
      label: '一月一到访',
      claimed: computedVisits + 2,
      computed: computedVisits,
      difference: 2,
      remark: '12月到访已开展，待对方确认',
    });
    expect(asOffice.comparison!.computedTotal).toBe(before.computed.total);
    // Staff see it but cannot submit.
    expect(dataOf(await t.call(WORKER, 'points.selfAssessment', {})).canSubmit).toBe(false);
  });

  it('refuses points outside the rules, the wrong person, and a late submission — writing nothing', async () => {
    const stored = await t.call(DISTRICT, 'points.selfAssessment', { unitId: 'unit-001' });
    const attempts: Array<[string, object, string, string]> = [
      [HEAD, { unitId: 'unit-001', year: 2026, items: [{ ruleKey: 'monthlyVisit', claimed: 30 }], remarks: '' }, 'INVALID_INPUT', '“一月一到访”全年最多 24 分，自评 30 分超出积分规则'],
      [HEAD, { unitId: 'unit-001', year: 2026, items: [{ ruleKey: 'deduction.month', claimed: 3 }], remarks: '' }, 'INVALID_INPUT', '“扣分：缺一月到访”是扣分项，自评分应为 0 或负数'],
      [HEAD, { unitId: 'unit-001', year: 2026, items: [{ ruleKey: 'madeUp', claimed: 3 }], remarks: '' }, 'INVALID_INPUT', '积分表中没有“madeUp”这一项'],
      [WORKER, { unitId: 'unit-001', year: 2026, items: [], remarks: '' }, 'FORBIDDEN', '您没有权限进行此操作'],
      [HEAD, { unitId: 'unit-002', year: 2026, items: [], remarks: '' }, 'FORBIDDEN', '只有本单位主要负责人才能提交自评'],
      [HEAD, { unitId: 'unit-001', year: 2026, items: [{ ruleKey: 'monthlyVisit', claimed: 'ten' }], remarks: '' }, 'INVALID_INPUT', '分值须为数字'],
    ];
    for (const [openid, input, code, message] of attempts) {
      const result = await t.call(openid, 'points.submitSelfAssessment', input as never);
      expect(result.ok ? 'ok' : [result.error.code, result.error.message]).toEqual([code, message]);
    }
    moveTo(chinaInstant(2027, 1, 16, 9));
    try {
      const late = await t.call(HEAD, 'points.submitSelfAssessment', { unitId: 'unit-001', year: 2026, items: [], remarks: '补交' });
      expect(late).toEqual({ ok: false, error: { code: 'EXPIRED', message: '自评已于 2027-01-15 截止，不能再提交', field: 'deadline' } });
      expect(dataOf(await t.call(HEAD, 'points.selfAssessment', { year: 2026 }))).toMatchObject({ open: false, canSubmit: false });
    } finally {
      moveTo(chinaInstant(2026, 12, 20, 10));
    }
    expect(await t.call(DISTRICT, 'points.selfAssessment', { unitId: 'unit-001' })).toEqual(stored);
  });

  it('shows a unit’s self-assessment only to its people and the offices over it', async () => {
    const other = await t.call(OTHER_UNIT, 'points.selfAssessment', { unitId: 'unit-001' });
    expect(other.ok ? 'ok' : other.error.code).toBe('NOT_FOUND');
    const stranger = await t.call(STRANGER, 'points.selfAssessment', {});
    expect(stranger.ok ? 'ok' : stranger.error.code).toBe('UNAUTHENTICATED');
  });
});

describe('one unit’s points with its self-assessment, in one call (the office’s unit page)', () => {
  it('answers what points.unit and points.selfAssessment answer, in the requests of one of them, and to nobody the two would refuse', async () => {
    for (const [openid, input] of [[STREET, { unitId: 'unit-001' }], [DISTRICT, { unitId: 'unit-001' }], [HEAD, {}]] as const) {
      t.cloud.db.resetStats();
      const both = dataOf(await t.call(openid, 'points.unit', { ...input, withSelfAssessment: true }));
      const requests = t.cloud.db.stats.requests;
      t.cloud.db.resetStats();
      const points = dataOf(await t.call(openid, 'points.unit', input));
      expect(requests).toBe(t.cloud.db.stats.requests);
      const { selfAssessment, ...rest } = both;
      expect(rest).toEqual(points);
      expect(selfAssessment).toEqual(dataOf(await t.call(openid, 'points.selfAssessment', input)));
    }
    expect(dataOf(await t.call(STREET, 'points.unit', { unitId: 'unit-001' }))).not.toHaveProperty('selfAssessment');
    const other = await t.call(OTHER_UNIT, 'points.unit', { unitId: 'unit-001', withSelfAssessment: true });
    expect(other.ok ? 'ok' : other.error.code).toBe('NOT_FOUND');
  });
});

describe('the annual assessment', () => {
  it('gives totals per unit and per street, the street checks and the commendations; a street office its street only', async () => {
    const district = dataOf(await t.call(DISTRICT, 'points.assessment', {}));
    expect(district.units).toHaveLength(t.district.units.length);
    expect(district.streets).toHaveLength(5);
    expect(district.streetChecks.map((check) => check.streetName)).toEqual(district.streets.map((street) => street.streetName));
    expect(district.units.find((unit) => unit.unitId === 'unit-001')!.selfAssessed).toBe(true);
    expect(district).toMatchObject({ canEdit: true, rankingsOn: false, closedAt: null });
    const street = dataOf(await t.call(STREET, 'points.assessment', {}));
    expect(street.streets.map((row) => row.streetId)).toEqual(['street-longcheng']);
    expect(street.canEdit).toBe(false);
    const unit = await t.call(WORKER, 'points.assessment', {});
    expect(unit.ok ? 'ok' : unit.error.code).toBe('FORBIDDEN');
  });

  it('answers a page of the units; street totals, checks and the units to commend cover the whole scope', async () => {
    const whole = dataOf(await t.call(DISTRICT, 'points.assessment', {}));
    expect(whole.page).toEqual({ offset: 0, limit: 50, total: t.district.units.length });
    expect(whole.unitChoices.map((unit) => unit.unitId)).toEqual(whole.units.map((unit) => unit.unitId));
    const first = dataOf(await t.call(DISTRICT, 'points.assessment', { limit: 10 }));
    const second = dataOf(await t.call(DISTRICT, 'points.assessment', { offset: 10, limit: 10 }));
    expect([...first.units, ...second.units]).toEqual(whole.units.slice(0, 20));
    expect(second.page).toEqual({ offset: 10, limit: 10, total: whole.page.total });
    expect(second.streets).toEqual(whole.streets);
    expect(second.streetChecks).toEqual(whole.streetChecks);
    expect(second.unitChoices).toEqual(whole.unitChoices);
    expect(whole.streets.reduce((sum, street) => sum + street.units, 0)).toBe(whole.page.total);
    // Only an office that can edit the list gets the units to choose from.
    expect(dataOf(await t.call(STREET, 'points.assessment', {})).unitChoices).toEqual([]);
  });

  it('records the district’s check of a street; only the district, with a valid grade', async () => {
    const check = dataOf(await t.call(DISTRICT, 'points.checkStreet', { year: 2026, streetId: 'street-longcheng', grade: 'good', remarks: '按季度开展检查通报，个别单位到访不及时。' }));
    expect(check.check).toMatchObject({ grade: 'good', checkedBy: '周涛' });
    const after = dataOf(await t.call(DISTRICT, 'points.assessment', {}));
    expect(after.streetChecks.find((row) => row.streetId === 'street-longcheng')).toMatchObject({ grade: 'good', remarks: '按季度开展检查通报，个别单位到访不及时。' });
    const checks = await t.count('streetChecks');
    const byStreet = await t.call(STREET, 'points.checkStreet', { year: 2026, streetId: 'street-longcheng', grade: 'excellent', remarks: '' });
    expect(byStreet.ok ? 'ok' : byStreet.error.code).toBe('FORBIDDEN');
    const badGrade = await t.call(DISTRICT, 'points.checkStreet', { year: 2026, streetId: 'street-longcheng', grade: 'top' as never, remarks: '' });
    expect(badGrade).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: '请选择检查结果', field: 'grade' } });
    const noStreet = await t.call(DISTRICT, 'points.checkStreet', { year: 2026, streetId: 'street-nowhere', grade: 'good', remarks: '' });
    expect(noStreet.ok ? 'ok' : noStreet.error.message).toBe('街道不存在');
    expect(await t.count('streetChecks')).toBe(checks);
  });

  it('keeps a commendation list of units and people — people by unit and as entered, never ranked', async () => {
    const people = [
      { name: '张伟', unitId: 'unit-003', deeds: '推动企业建立劳动争议调解委员会' },
      { name: '李娜', unitId: 'unit-001', deeds: '牵头形成转型升级调研报告' },
    ];
    const saved = dataOf(await t.call(DISTRICT, 'points.saveCommendations', { year: 2026, units: [{ unitId: 'unit-002', reason: '结对共建成效突出' }], people }));
    expect(saved.commendations.people.map((person) => person.name)).toEqual(['李娜', '张伟']);
    expect(saved.commendations.units).toEqual([{ unitId: 'unit-002', unitName: '区教育局', reason: '结对共建成效突出' }]);
    const view = dataOf(await t.call(DISTRICT, 'points.assessment', {}));
    expect(view.commendations.people.map((person) => Object.keys(person).sort())).toEqual([
      ['deeds', 'name', 'unitId', 'unitName'],
      ['deeds', 'name', 'unitId', 'unitName'],
    ]);
    const before = await t.count('commendations');
    const unknown = await t.call(DISTRICT, 'points.saveCommendations', { year: 2026, units: [], people: [{ name: '王五', unitId: 'unit-999', deeds: '事迹' }] });
    expect(unknown).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: '王五所在的单位不在本年度结对单位中', field: 'people.0.unitId' } });
    const byStreet = await t.call(STREET, 'points.saveCommendations', { year: 2026, units: [], people: [] });
    expect(byStreet.ok ? 'ok' : byStreet.error.code).toBe('FORBIDDEN');
    expect(await t.count('commendations')).toBe(before);
  });

  it('closes a year only once it is over; then rules, settings, self-assessments and achievement tags freeze', async () => {
    const early = await t.call(DISTRICT, 'points.closeYear', { year: 2026 });
    expect(early).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: '2026年度尚未结束，年度结束后才能关闭考核', field: 'year' } });
    moveTo(chinaInstant(2027, 1, 10, 9));
    try {
      const closed = dataOf(await t.call(DISTRICT, 'points.closeYear', { year: 2026 }));
      expect(closed.closedAt).toBe(chinaInstant(2027, 1, 10, 9).toISOString());
      const again = await t.call(DISTRICT, 'points.closeYear', { year: 2026 });
      expect(again.ok ? 'ok' : again.error.code).toBe('ALREADY_DONE');
      const submit = await t.call(HEAD, 'points.submitSelfAssessment', { unitId: 'unit-001', year: 2026, items: [], remarks: '' });
      expect(submit).toEqual({ ok: false, error: { code: 'CONFLICT', message: '本年度考核已关闭，不能再提交自评', field: 'year' } });
      const rules = await t.call(DISTRICT, 'points.saveRules', { year: 2026, scope: { kind: 'district' }, effectiveFrom: '2026-12-31', rules: [], yearCap: 100, lateAfterDays: 10 });
      expect(rules.ok ? 'ok' : rules.error.message).toBe('2026年度的考核已关闭，不能再修改积分规则');
      const check = await t.call(DISTRICT, 'points.checkStreet', { year: 2026, streetId: 'street-buji', grade: 'good', remarks: '' });
      expect(check.ok ? 'ok' : check.error.code).toBe('CONFLICT');
      expect(dataOf(await t.call(DISTRICT, 'points.assessment', { year: 2026 })).canEdit).toBe(false);
      const confirmed = ((await wxServerSdk().database().collection('records').where({ pairingId: 'pairing-2026-001', state: 'confirmed' }).limit(1).get()) as { data: Array<{ _id: string }> }).data[0]!;
      for (const action of ['points.tagAchievement', 'points.untagAchievement'] as const) {
        const tagging = await t.call(WORKER, action, { recordId: confirmed._id, achievement: 'researchReport' });
        expect(tagging).toEqual({ ok: false, error: { code: 'CONFLICT', message: '2026年度的考核已关闭，不能再标注成果' } });
      }
    } finally {
      moveTo(chinaInstant(2026, 12, 20, 10));
    }
  });
});
