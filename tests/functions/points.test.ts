import { chinaInstant } from '../../src/domain/time/chinaTime';
import { wxServerSdk } from '../../localcloud/sdk';
import { visitRecord } from '../support/builders';
import { moveTo, restoreClock, standAt } from '../support/clock';
import type { TestCloud } from '../support/testCloud';
import { addPerson, dataOf, openTestCloud } from '../support/testCloud';

/** Points: each unit's breakdown and calendar, achievements, rules and settings — scope and bad input. */
const WORKER = 'demo-liming';
const HEAD = 'demo-zhaojun';
const LEADER = 'demo-wangfang';
const OTHER_UNIT = 'demo-chenjing';
const STREET = 'demo-sunli';
const OTHER_STREET = 'test-buji-office';
const DISTRICT = 'demo-zhoutao';
const STRANGER = 'openid-of-a-stranger';

let t: TestCloud;
let pairingId: string;
beforeAll(async () => {
  standAt(chinaInstant(2026, 11, 20, 10));
  t = await openTestCloud();
  pairingId = t.district.pairings[0]!._id;
  await addPerson(OTHER_STREET, '布吉共建办', [{ role: 'streetOffice', scopeType: 'street', scopeId: 'street-buji' }]);
});
afterAll(() => {
  t.close();
  restoreClock();
});

async function confirmedVisit(date: string, overrides = {}) {
  const saved = dataOf(await t.call(WORKER, 'records.save', visitRecord(pairingId, date, overrides)));
  const submitted = dataOf(await t.call(WORKER, 'records.submit', { recordId: saved.record.id, revision: 1 }));
  dataOf(await t.call(LEADER, 'records.confirm', { token: submitted.link.token }));
  return saved.record.id;
}

describe('points.unit', () => {
  it('explains every point of the unit: lines add up to the total, each naming its rule, version and source', async () => {
    const view = dataOf(await t.call(WORKER, 'points.unit', {}));
    expect(view).toMatchObject({ year: 2026, unitId: 'unit-001', unitName: '区发展和改革局' });
    const sum = Math.round(view.lines.reduce((total, line) => total + line.points, 0) * 100) / 100;
    expect(sum).toBe(view.totals.total);
    expect(view.lines.length).toBeGreaterThan(5);
    for (const line of view.lines) {
      expect(line.ruleLabel).toMatch(/[\u4e00-\u9fa5]/);
      expect(line.versionLabel).toBe('区第1版（2026-01-01起）');
      if (line.source.type === 'record') expect(line.title).toBeDefined();
    }
    expect(view.calendar.months).toHaveLength(12);
    expect(view.calendar.months[10]!.status).toBe('open');
    expect(view.calendar.months[11]!.status).toBe('upcoming');
  });

  it('keeps a record apart as pending until the party leader confirms it, then counts it', async () => {
    const saved = dataOf(await t.call(WORKER, 'records.save', visitRecord(pairingId, '2026-11-12')));
    dataOf(await t.call(WORKER, 'records.submit', { recordId: saved.record.id, revision: 1 }));
    const waiting = dataOf(await t.call(WORKER, 'points.unit', {}));
    expect(waiting.pending.map((line) => (line.source.type === 'record' ? line.source.recordId : ''))).toContain(saved.record.id);
    expect(waiting.lines.some((line) => line.source.type === 'record' && line.source.recordId === saved.record.id)).toBe(false);
    expect(waiting.calendar.months[10]!.status).toBe('pending');
    dataOf(await t.call(LEADER, 'records.confirm', { recordId: saved.record.id, revision: 1 }));
    const counted = dataOf(await t.call(WORKER, 'points.unit', {}));
    expect(counted.lines.find((line) => line.source.type === 'record' && line.source.recordId === saved.record.id)).toMatchObject({ ruleKey: 'monthlyVisit', points: 2 });
    expect(counted.totals.total).toBe(waiting.totals.total + 2);
    expect(counted.calendar.months[10]!.status).toBe('done');
  });

  it('shows a unit to its own people and to the offices over it, and to nobody else', async () => {
    const sees = async (openid: string) => {
      const result = await t.call(openid, 'points.unit', { unitId: 'unit-001' });
      return result.ok ? result.data.unitId : result.error.code;
    };
    expect(await sees(WORKER)).toBe('unit-001');
    expect(await sees(HEAD)).toBe('unit-001');
    expect(await sees(STREET)).toBe('unit-001');
    expect(await sees(DISTRICT)).toBe('unit-001');
    expect(await sees(OTHER_UNIT)).toBe('NOT_FOUND');
    expect(await sees(OTHER_STREET)).toBe('NOT_FOUND');
    expect(await sees(LEADER)).toBe('NOT_FOUND');
    expect(await sees(STRANGER)).toBe('UNAUTHENTICATED');
  });

  it('refuses malformed input with a Chinese message', async () => {
    const result = await t.call(WORKER, 'points.unit', { unitId: 'bad id!' });
    expect(result).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: '编号格式不正确', field: 'unitId' } });
  });
});

describe('achievements', () => {
  it('credits an achievement named on a confirmed record of its content area, and takes it off again', async () => {
    const recordId = await confirmedVisit('2026-11-05', { contentAreas: ['labourRelations'] });
    const before = dataOf(await t.call(WORKER, 'points.unit', {}));
    expect(dataOf(await t.call(WORKER, 'points.tagAchievement', { recordId, achievement: 'mediationCommittee' }))).toEqual({ recordId, achievements: ['mediationCommittee'] });
    const after = dataOf(await t.call(WORKER, 'points.unit', {}));
    expect(after.lines.find((line) => line.ruleKey === 'achievement.mediationCommittee')).toMatchObject({ points: 5, ruleLabel: '成果：推动建立劳动争议调解委员会' });
    expect(after.totals.total).toBe(before.totals.total + 5);
    expect(after.taggable.find((record) => record.recordId === recordId)!.achievements).toEqual(['mediationCommittee']);
    expect(dataOf(await t.call(STREET, 'points.untagAchievement', { recordId, achievement: 'mediationCommittee' })).achievements).toEqual([]);
    expect(dataOf(await t.call(WORKER, 'points.unit', {})).totals.total).toBe(before.totals.total);
  });

  it('refuses tags on unconfirmed records, outside the record’s content areas, unknown or out of scope — writing nothing', async () => {
    const draft = dataOf(await t.call(WORKER, 'records.save', visitRecord(pairingId, '2026-11-06', { contentAreas: ['labourRelations'] })));
    const confirmed = await confirmedVisit('2026-11-07', { contentAreas: ['careForMembers'] });
    const tags = await t.count('achievementTags');
    const cases: Array<[string, string, string, string]> = [
      [WORKER, draft.record.id, 'mediationCommittee', '只有已确认的记录才能标注成果'],
      [WORKER, confirmed, 'mediationCommittee', '这条记录没有涉及该成果所属的共建内容'],
      [WORKER, confirmed, 'inventedThing', '积分规则中没有这项成果'],
      [OTHER_UNIT, confirmed, 'hardshipSupport', '记录不存在或不在您的范围内'],
      [OTHER_STREET, confirmed, 'hardshipSupport', '记录不存在或不在您的范围内'],
    ];
    for (const [openid, recordId, achievement, message] of cases) {
      const result = await t.call(openid, 'points.tagAchievement', { recordId, achievement });
      expect(result.ok ? 'ok' : result.error.message).toBe(message);
    }
    expect(await t.count('achievementTags')).toBe(tags);
    const untag = await t.call(WORKER, 'points.untagAchievement', { recordId: confirmed, achievement: 'hardshipSupport' });
    expect(untag.ok ? 'ok' : untag.error.code).toBe('NOT_FOUND');
    expect((await t.call(LEADER, 'points.tagAchievement', { recordId: confirmed, achievement: 'hardshipSupport' })).ok ? 'ok' : 'refused').toBe('refused');
  });
});

describe('rules and settings', () => {
  const base = { year: 2026, scope: { kind: 'district' as const }, yearCap: 100, lateAfterDays: 10 };
  const visitRule = (points: number, cap: number | null) => ({ target: { type: 'cadence' as const, kind: 'monthlyVisit' as const }, points, latePoints: 1, cap });

  it('shows the versions in force to anyone signed in; only the district edits the district’s', async () => {
    const asUnit = dataOf(await t.call(WORKER, 'points.rules', {}));
    expect(asUnit).toMatchObject({ year: 2026, inForce: 1, canEdit: false, scope: { kind: 'district' } });
    expect(asUnit.versions.map((version) => version.label)).toEqual(['区第1版（2026-01-01起）']);
    expect(dataOf(await t.call(DISTRICT, 'points.rules', {})).canEdit).toBe(true);
    expect(dataOf(await t.call(STREET, 'points.rules', { streetId: 'street-longcheng' })).canEdit).toBe(true);
    expect(dataOf(await t.call(STREET, 'points.rules', {})).canEdit).toBe(false);
  });

  it('answers the caller’s own rules with `own` (a street office its street’s, anyone else the district’s) and the year’s settings', async () => {
    expect(dataOf(await t.call(STREET, 'points.rules', { own: true }))).toEqual(dataOf(await t.call(STREET, 'points.rules', { streetId: 'street-longcheng' })));
    expect(dataOf(await t.call(DISTRICT, 'points.rules', { own: true }))).toEqual(dataOf(await t.call(DISTRICT, 'points.rules', {})));
    expect(dataOf(await t.call(WORKER, 'points.rules', { own: true }))).toMatchObject({ scope: { kind: 'district' }, canEdit: false });
    // A street named outright wins over `own`.
    expect(dataOf(await t.call(DISTRICT, 'points.rules', { own: true, streetId: 'street-longcheng' })).scope).toEqual({ kind: 'street', streetId: 'street-longcheng' });
    for (const openid of [WORKER, STREET, DISTRICT]) expect(dataOf(await t.call(openid, 'points.rules', {})).settings).toEqual(dataOf(await t.call(openid, 'points.settings', {})));
  });

  it('refuses overlapping or negative caps, a date in the past, or the wrong office — and writes nothing', async () => {
    const documents = await t.count('pointsYear');
    const attempts: Array<[string, object, string, string]> = [
      [DISTRICT, { ...base, effectiveFrom: '2026-12-01', rules: [visitRule(2, 24), visitRule(3, 30)] }, 'rules.1', '“一月一到访”与第 1 条规则重复：同一项目只能有一条规则、一个上限'],
      [DISTRICT, { ...base, effectiveFrom: '2026-12-01', rules: [visitRule(2, -1)] }, 'rules.0.cap', '“一月一到访”的上限不能为负数'],
      [DISTRICT, { ...base, effectiveFrom: '2026-12-01', yearCap: 20, rules: [visitRule(2, 24)] }, 'rules.0.cap', '“一月一到访”的上限（24）超过全年上限（20），两个上限重叠矛盾'],
      [DISTRICT, { ...base, effectiveFrom: '2026-11-01', rules: [visitRule(2, 24)] }, 'effectiveFrom', '生效日期不能早于今天（2026-11-20）：已获得的积分按当时的规则计算，规则不能追溯'],
      [DISTRICT, { ...base, year: 2025, effectiveFrom: '2025-12-01', rules: [visitRule(2, 24)] }, 'year', '2025年度已结束，不能再修改积分规则'],
    ];
    for (const [openid, input, field, message] of attempts) {
      expect(await t.call(openid, 'points.saveRules', input as never)).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message, field } });
    }
    const wrongOffice = await t.call(STREET, 'points.saveRules', { ...base, effectiveFrom: '2026-12-01', rules: [visitRule(2, 24)] });
    expect(wrongOffice).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: '区级积分规则由区委党群共建办制定' } });
    const otherStreet = await t.call(STREET, 'points.saveRules', { ...base, scope: { kind: 'street', streetId: 'street-buji' }, effectiveFrom: '2026-12-01', rules: [visitRule(2, 24)] });
    expect(otherStreet.ok ? 'ok' : otherStreet.error.message).toBe('只能制定本街道的积分规则');
    expect(await t.count('pointsYear')).toBe(documents);
  });

  it('applies a new version from its effective date; earlier points keep the rules they were earned under', async () => {
    const current = dataOf(await t.call(DISTRICT, 'points.rules', {})).versions.at(-1)!;
    const rules = current.rules.map((rule) => (rule.target.type === 'cadence' && rule.target.kind === 'monthlyVisit' ? { ...rule, points: 3, cap: 30 } : rule));
    const saved = dataOf(await t.call(DISTRICT, 'points.saveRules', { ...base, effectiveFrom: '2026-12-01', rules, note: '提高到访分值' } as never));
    expect(saved.ruleSet).toMatchObject({ version: 2, effectiveFrom: '2026-12-01', label: '区第2版（2026-12-01起）', savedBy: '周涛' });
    moveTo(chinaInstant(2026, 12, 10, 10));
    try {
      await confirmedVisit('2026-12-08');
      const view = dataOf(await t.call(WORKER, 'points.unit', {}));
      const visits = view.lines.filter((line) => line.ruleKey === 'monthlyVisit' && line.points > 0);
      expect(visits.find((line) => line.date === '2026-12-08')).toMatchObject({ version: 2, points: 3 });
      expect(visits.filter((line) => line.date < '2026-12-01').every((line) => line.version === 1 && line.points === 2)).toBe(true);
      expect(view.versions.map((version) => version.version)).toEqual([1, 2]);
    } finally {
      moveTo(chinaInstant(2026, 11, 20, 10));
    }
  });

  it('lets a street adopt its own version for the units it arranges', async () => {
    const saved = await t.call(STREET, 'points.saveRules', { ...base, scope: { kind: 'street', streetId: 'street-longcheng' }, effectiveFrom: '2026-12-01', rules: [visitRule(2, 24)] });
    expect(saved.ok && saved.data.ruleSet).toMatchObject({ version: 1, scope: { kind: 'street', streetId: 'street-longcheng' }, label: '街道第1版（2026-12-01起）' });
    const view = dataOf(await t.call(STREET, 'points.rules', { streetId: 'street-longcheng' }));
    // From 1 December the street's own version wins over the district's second version for its units.
    expect(view.versions.map((version) => version.label)).toEqual(['区第1版（2026-01-01起）', '街道第1版（2026-12-01起）']);
  });

  it('tags a record by the version in force for its unit on its date: its street’s own for a unit the street arranges, never another street’s', async () => {
    // The street's first version (previous test) has no achievements, from 1 December, for the units Longcheng arranges.
    const records = wxServerSdk().database().collection('records');
    const copyOf = async (pairing: string, date: string) => {
      const seeded = ((await records.where({ pairingId: pairing, state: 'confirmed' }).limit(1).get()) as { data: Array<Record<string, unknown>> }).data[0]!;
      const _id = `test-tagging-${pairing}-${date}`;
      await records.add({ data: { ...seeded, _id, date, contentAreas: ['practicalProblems'] } });
      return _id;
    };
    moveTo(chinaInstant(2026, 12, 10, 10));
    try {
      const cases: Array<[string, string, string]> = [
        ['pairing-2026-019', '2026-12-05', '积分规则中没有这项成果'], // arranged by Longcheng, under its own version
        ['pairing-2026-019', '2026-11-05', 'ok'], // the same unit before the street's version took effect
        ['pairing-2026-001', '2026-12-05', 'ok'], // a district-level unit in Longcheng: the district's rules
        ['pairing-2026-025', '2026-12-05', 'ok'], // arranged by Buji, which has no version of its own
      ];
      for (const [pairing, date, expected] of cases) {
        const result = await t.call(DISTRICT, 'points.tagAchievement', { recordId: await copyOf(pairing, date), achievement: 'researchReport' });
        expect([pairing, date, result.ok ? 'ok' : result.error.message]).toEqual([pairing, date, expected]);
      }
    } finally {
      moveTo(chinaInstant(2026, 11, 20, 10));
    }
  });

  it('keeps unit rankings off unless the district turns them on, and only the district can', async () => {
    expect(dataOf(await t.call(WORKER, 'points.settings', {}))).toEqual({ year: 2026, unitRankings: false, selfAssessmentDeadline: '2027-01-15', closedAt: null });
    const notDistrict = await t.call(STREET, 'points.saveSettings', { year: 2026, unitRankings: true, selfAssessmentDeadline: '2027-01-15' });
    expect(notDistrict.ok ? 'ok' : notDistrict.error.code).toBe('FORBIDDEN');
    const badDeadline = await t.call(DISTRICT, 'points.saveSettings', { year: 2026, unitRankings: true, selfAssessmentDeadline: '2027-06-01' });
    expect(badDeadline).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: '自评截止日期应在 2026-11-01 至 2027-03-31 之间', field: 'selfAssessmentDeadline' } });
    expect(dataOf(await t.call(DISTRICT, 'points.settings', {})).unitRankings).toBe(false);
  });
});

describe('points.table and points.dashboard', () => {
  it('gives the district every unit, a street office its street only, units nothing', async () => {
    const district = dataOf(await t.call(DISTRICT, 'points.table', {}));
    expect(district.rows).toHaveLength(t.district.units.length);
    expect(district.streets.map((street) => street.streetName)).toContain('龙城街道');
    const street = dataOf(await t.call(STREET, 'points.table', {}));
    const touching = new Set(t.district.pairings.filter((pairing) => pairing.streetId === 'street-longcheng' || pairing.unitStreetId === 'street-longcheng').map((pairing) => pairing.unitId));
    expect(new Set(street.rows.map((row) => row.unitId))).toEqual(touching);
    expect(street.streets.map((row) => row.streetId)).toEqual(['street-longcheng']);
    const narrowed = await t.call(STREET, 'points.table', { streetId: 'street-buji' });
    expect(narrowed.ok ? 'ok' : narrowed.error.code).toBe('FORBIDDEN');
    const unit = await t.call(WORKER, 'points.table', {});
    expect(unit.ok ? 'ok' : unit.error.code).toBe('FORBIDDEN');
    const dashboard = dataOf(await t.call(STREET, 'points.dashboard', {}));
    expect(dashboard.units).toBe(street.rows.length);
    expect(dashboard.months).toHaveLength(12);
    expect(dashboard.areas).toHaveLength(9);
    expect(dashboard.months[0]!.required).toBe(street.rows.length);
  });

  it('answers a page of the units at a time, with the whole scope’s count and street totals on every page', async () => {
    const whole = dataOf(await t.call(DISTRICT, 'points.table', {}));
    expect(whole.page).toEqual({ offset: 0, limit: 50, total: t.district.units.length });
    const pages = [];
    for (let offset = 0; offset < whole.page.total; offset += 7) pages.push(dataOf(await t.call(DISTRICT, 'points.table', { offset, limit: 7 })));
    expect(pages.flatMap((page) => page.rows)).toEqual(whole.rows);
    expect(pages.every((page) => page.page.total === whole.page.total && page.rows.length <= 7)).toBe(true);
    expect(pages.map((page) => page.streets)).toEqual(pages.map(() => whole.streets));
    expect(whole.streets.reduce((sum, street) => sum + street.units, 0)).toBe(whole.page.total);
    // Past the end (the list shrank meanwhile): the last page, not an empty one.
    const past = dataOf(await t.call(DISTRICT, 'points.table', { offset: 10_000, limit: 7 }));
    expect(past.rows).toEqual(pages[pages.length - 1]!.rows);
    const refused = await t.call(DISTRICT, 'points.table', { limit: 500 });
    expect(refused.ok ? 'ok' : refused.error.code).toBe('INVALID_INPUT');
  });

  it('agrees with each unit’s own breakdown', async () => {
    const table = dataOf(await t.call(DISTRICT, 'points.table', {}));
    const own = dataOf(await t.call(WORKER, 'points.unit', {}));
    expect(table.rows.find((row) => row.unitId === 'unit-001')!.total).toBe(own.totals.total);
  });

  it('ranks units only when the district turned rankings on, and never lists a person', async () => {
    const off = dataOf(await t.call(DISTRICT, 'points.table', {}));
    expect(off.rankingsOn).toBe(false);
    expect(off.rows.every((row) => row.rank === undefined)).toBe(true);
    expect(off.rows.map((row) => row.unitCode)).toEqual([...off.rows.map((row) => row.unitCode)].sort());
    dataOf(await t.call(DISTRICT, 'points.saveSettings', { year: 2026, unitRankings: true, selfAssessmentDeadline: '2027-01-15' }));
    try {
      const on = dataOf(await t.call(STREET, 'points.table', {}));
      expect(on.rankingsOn).toBe(true);
      expect(on.rows[0]!.rank).toBe(1);
      expect(on.rows.map((row) => row.total)).toEqual([...on.rows.map((row) => row.total)].sort((a, b) => b - a));
      const people = t.district.people.map((person) => person.name);
      const text = JSON.stringify(on);
      expect(people.filter((name) => text.includes(name))).toEqual([]);
      // A unit's own view has no rank whatever the setting.
      expect(JSON.stringify(dataOf(await t.call(WORKER, 'points.unit', {})))).not.toMatch(/"rank"/);
    } finally {
      dataOf(await t.call(DISTRICT, 'points.saveSettings', { year: 2026, unitRankings: false, selfAssessmentDeadline: '2027-01-15' }));
    }
  });
});
