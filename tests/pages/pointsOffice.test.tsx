import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import AssessmentPage from '../../src/pages-office/assessment/index';
import OfficeBulletinsPage from '../../src/pages-office/bulletins/index';
import EditBulletinPage from '../../src/pages-office/bulletins/edit/index';
import DashboardPage from '../../src/pages-office/points/dashboard/index';
import OfficePointsPage from '../../src/pages-office/points/index';
import RulesPage from '../../src/pages-office/points/rules/index';
import OfficeUnitPointsPage from '../../src/pages-office/points/unit/index';
import { defaultRuleSet } from '../../src/domain/points/defaultRules';
import { cadenceByMonth, evaluationResults, pointsByArea } from '../../src/domain/points/dashboard';
import { computeUnitPoints } from '../../src/domain/points/engine';
import { timelineFor } from '../../src/domain/points/versions';
import { chinaInstant } from '../../src/domain/time/chinaTime';
import type { AssessmentView, PointsTableView, UnitTotalView } from '../../src/contract/points';
import { fail, mockActions, ok, person, taro, taroApi, taroControls } from './helpers';
import { aBulletin, aSelfAssessment, aUnitPointsView, unitRecords } from './pointsBuilders';

const district = person('周涛', [{ role: 'districtOffice', scopeType: 'district', scopeId: 'district', scopeName: '龙岗区', approved: true }]);

const row = (unitId: string, unitName: string, total: number, rank?: number): UnitTotalView => ({
  unitId,
  unitName,
  unitCode: unitId.toUpperCase(),
  streetId: 'street-longcheng',
  streetName: '龙城街道',
  orgNames: ['华星光电'],
  earned: total,
  deducted: 0,
  evaluation: 0,
  total,
  byRule: {},
  cadenceDone: 9,
  cadenceRequired: 10,
  pending: 1,
  ...(rank !== undefined ? { rank } : {}),
});

const table = (rankingsOn: boolean): PointsTableView => ({
  year: 2026,
  scopeName: '龙岗区',
  rankingsOn,
  ruleColumns: [{ key: 'monthlyVisit', label: '一月一到访' }],
  rows: rankingsOn ? [row('unit-002', '区教育局', 40, 1), row('unit-001', '区发展和改革局', 30, 2)] : [row('unit-001', '区发展和改革局', 30), row('unit-002', '区教育局', 40)],
  page: { offset: 0, limit: 50, total: 2 },
  streets: [{ streetId: 'street-longcheng', streetName: '龙城街道', units: 2, total: 70, average: 35, completionRate: 0.9 }],
});

/** A district of `total` units, answered a page at a time as points.table does. */
const bigTable = (total: number) => (input: Record<string, unknown>) => {
  const offset = Number(input['offset'] ?? 0);
  const rows = Array.from({ length: Math.min(50, total - offset) }, (_, index) => row(`unit-${String(offset + index).padStart(4, '0')}`, `单位${offset + index + 1}`, 10));
  return ok({ ...table(false), rows, page: { offset, limit: 50, total }, streets: [{ streetId: 'street-longcheng', streetName: '龙城街道', units: total - 20, total: (total - 20) * 10, average: 10, completionRate: 0.9 }, { streetId: 'street-bantian', streetName: '坂田街道', units: 20, total: 200, average: 10, completionRate: 0.9 }] });
};

describe('积分表 (office)', () => {
  it('lists units in a neutral order without ranks unless the district turned rankings on', async () => {
    mockActions({ 'session.whoami': () => district, 'points.table': () => ok(table(false)) });
    render(<OfficePointsPage />);
    expect(await screen.findByText('按单位编码排列，不排名')).toBeTruthy();
    expect(screen.queryByText(/^第\d+$/)).toBeNull();
    fireEvent.click(screen.getByText('区发展和改革局'));
    expect(taro.navigateTo).toHaveBeenLastCalledWith({ url: '/pages-office/points/unit/index?unit=unit-001' });
  });

  it('shows a page of a large table with the whole scope’s count and street totals, and turns pages', async () => {
    const { inputsOf } = mockActions({ 'session.whoami': () => district, 'points.table': bigTable(120) });
    render(<OfficePointsPage />);
    expect(await screen.findByText('单位（120）')).toBeTruthy();
    expect(screen.getByText('龙城街道（100）')).toBeTruthy();
    expect(screen.getByText('坂田街道（20）')).toBeTruthy();
    expect(document.querySelectorAll('[id^="unit-unit-"]')).toHaveLength(50);
    expect(screen.getByText('第 1/3 页：第 1–50 个单位，共 120 个单位')).toBeTruthy();
    expect(screen.queryByText('上一页')).toBeNull();

    fireEvent.click(screen.getByText('下一页'));
    expect(await screen.findByText('单位51')).toBeTruthy();
    expect(screen.queryByText('单位1')).toBeNull();
    expect(screen.getByText('第 2/3 页：第 51–100 个单位，共 120 个单位')).toBeTruthy();
    fireEvent.click(screen.getByText('下一页'));
    expect(await screen.findByText('第 3/3 页：第 101–120 个单位，共 120 个单位')).toBeTruthy();
    expect(document.querySelectorAll('[id^="unit-unit-"]')).toHaveLength(20);
    expect(screen.queryByText('下一页')).toBeNull();
    fireEvent.click(screen.getByText('上一页'));
    expect(await screen.findByText('单位51')).toBeTruthy();
    expect(inputsOf('points.table').map((input) => input['offset'] ?? 0)).toEqual([0, 50, 100, 50]);
  });

  it('starts again from the first page when a street is chosen', async () => {
    const { inputsOf } = mockActions({ 'session.whoami': () => district, 'points.table': bigTable(120) });
    render(<OfficePointsPage />);
    fireEvent.click(await screen.findByText('下一页'));
    expect(await screen.findByText('单位51')).toBeTruthy();
    fireEvent.click(screen.getByText('龙城街道（100）'));
    await waitFor(() => expect(inputsOf('points.table')).toHaveLength(3));
    expect(inputsOf('points.table')[2]).toEqual({ streetId: 'street-longcheng' });
  });

  it('shows unit ranks to the office when rankings are on', async () => {
    mockActions({ 'session.whoami': () => district, 'points.table': () => ok(table(true)) });
    render(<OfficePointsPage />);
    expect(await screen.findByText('第1')).toBeTruthy();
    expect(within(document.getElementById('unit-unit-002')!).getByText('第1')).toBeTruthy();
  });

  it('exports the points table and then every record book, showing progress', async () => {
    let calls = 0;
    const { inputsOf } = mockActions({
      'session.whoami': () => district,
      'points.table': () => ok(table(false)),
      'points.exportTable': () => ok({ fileID: 'cloud://env/exports/a.xlsx', url: 'http://x/a.xlsx', fileName: '2026年度积分表（龙岗区）.xlsx', rows: 2 }),
      'points.exportRecordBooks': (input) => {
        calls += 1;
        const offset = Number(input['offset']);
        return ok({ files: [{ fileID: `cloud://env/exports/b${offset}.xlsx`, url: `http://x/b${offset}.xlsx`, fileName: `积分行动记录本-${offset}.xlsx`, unitId: `u${offset}`, unitName: `单位${offset}` }], done: offset + 1, total: 3 });
      },
    });
    render(<OfficePointsPage />);
    fireEvent.click(await screen.findByText('导出积分表（Excel）'));
    expect(await screen.findByText('2026年度积分表（龙岗区）.xlsx')).toBeTruthy();
    fireEvent.click(screen.getByText('导出各单位积分行动记录本（Excel）'));
    await waitFor(() => expect(calls).toBe(3));
    expect(await screen.findByText('积分行动记录本-2.xlsx')).toBeTruthy();
    expect(inputsOf('points.exportRecordBooks').map((input) => input['offset'])).toEqual([0, 1, 2]);
  });
});

describe('季度督办通报 (office)', () => {
  it('generates a draft for the last ended quarter and opens it', async () => {
    const { inputsOf } = mockActions({
      'session.whoami': () => district,
      'bulletins.list': () => ok({ items: [] }),
      'bulletins.generate': () => ok({ bulletin: aBulletin() }),
    });
    render(<OfficeBulletinsPage />);
    fireEvent.click(await screen.findByText('第一季度'));
    fireEvent.click(screen.getByText('生成通报草稿'));
    await waitFor(() => expect(taro.navigateTo).toHaveBeenLastCalledWith({ url: '/pages-office/bulletins/edit/index?id=district-2026-q1' }));
    expect(inputsOf('bulletins.generate')[0]).toMatchObject({ quarter: 1 });
  });

  it('edits the texts, trims a list, saves and publishes', async () => {
    taroControls.__setRouterParams({ id: 'district-2026-q1' });
    const draft = aBulletin();
    const { inputsOf } = mockActions({
      'session.whoami': () => district,
      'bulletins.get': () => ok({ bulletin: draft }),
      'bulletins.update': (input) => ok({ bulletin: { ...draft, edit: { ...draft.edit!, ...input } } }),
      'bulletins.publish': () => ok({ bulletin: { ...draft, state: 'published', canEdit: false, canPublish: false, publishedAt: '2026-04-03T02:00:00.000Z' } }),
    });
    render(<EditBulletinPage />);
    const title = (await screen.findByDisplayValue('龙岗区2026年第一季度结对共建督办检查通报')) as HTMLInputElement;
    fireEvent.change(title, { target: { value: '第一季度通报' } });
    fireEvent.click(within(document.getElementById('field-behind')!).getByText(/区教育局/));
    fireEvent.click(screen.getByText('保存并发布'));
    expect(await screen.findByText('通报已发布，涉及的单位现在可以看到')).toBeTruthy();
    expect(inputsOf('bulletins.update')[0]).toMatchObject({ bulletinId: 'district-2026-q1', title: '第一季度通报', behindUnitIds: [] });
    expect(inputsOf('bulletins.publish')).toEqual([{ bulletinId: 'district-2026-q1' }]);
  });

  it('shows a district-wide draft’s long lists a page at a time; choices on other pages are kept and saved', async () => {
    taroControls.__setRouterParams({ id: 'district-2026-q1' });
    const base = aBulletin();
    const units = Array.from({ length: 120 }, (_, index) => ({ unitId: `unit-${String(index).padStart(3, '0')}`, unitName: `单位${index + 1}`, reason: '2月到访缺失' }));
    const compliance = units.map((unit) => ({ unitId: unit.unitId, unitName: unit.unitName, months: ['done', 'missing', 'done'] as const, quarter: 'done' as const, compliant: false }));
    const generated = { ...base.generated!, behind: units, compliance, praised: [] };
    const draft = { ...base, generated, content: generated, edit: { ...base.edit!, behindUnitIds: units.map((unit) => unit.unitId), praisedUnitIds: [] } };
    const { inputsOf } = mockActions({
      'session.whoami': () => district,
      'bulletins.get': () => ok({ bulletin: draft }),
      'bulletins.update': (input) => ok({ bulletin: { ...draft, edit: { ...draft.edit, ...input } } }),
    });
    render(<EditBulletinPage />);
    expect(await screen.findByText('需整改的单位（已选 120/120）')).toBeTruthy();
    const field = document.getElementById('field-behind')!;
    expect(field.querySelectorAll('.chip')).toHaveLength(50);
    expect(within(document.getElementById('preview')!).getAllByText(/^· 单位/)).toHaveLength(20);
    expect(screen.getByText('……另有 100 个单位（共 120 个）')).toBeTruthy();
    expect(document.querySelectorAll('[id^="compliance-unit-"]')).toHaveLength(50);
    expect(screen.getByText('各单位完成情况（120）')).toBeTruthy();

    // Untick one on the first page and one on the third: both stay off while paging.
    fireEvent.click(within(field).getByText(/^✓ 单位1（/));
    fireEvent.click(within(document.getElementById('behind-pager')!).getByText('下一页'));
    fireEvent.click(within(document.getElementById('behind-pager')!).getByText('下一页'));
    expect(field.querySelectorAll('.chip')).toHaveLength(20);
    fireEvent.click(within(field).getByText(/^✓ 单位120（/));
    expect(screen.getByText('需整改的单位（已选 118/120）')).toBeTruthy();
    fireEvent.click(within(document.getElementById('compliance-pager')!).getByText('下一页'));
    expect(document.getElementById('compliance-unit-050')).toBeTruthy();
    expect(document.getElementById('compliance-unit-000')).toBeNull();

    fireEvent.click(screen.getByText('保存'));
    await waitFor(() => expect(inputsOf('bulletins.update')).toHaveLength(1));
    expect(inputsOf('bulletins.update')[0]!['behindUnitIds']).toEqual(units.slice(1, 119).map((unit) => unit.unitId));
  });

  it('explains why a quarter that has not ended cannot be published', async () => {
    taroControls.__setRouterParams({ id: 'district-2026-q1' });
    const draft = aBulletin({ canPublish: false, publishBlocked: '2026年第一季度尚未结束，结束后才能发布通报' });
    mockActions({
      'session.whoami': () => district,
      'bulletins.get': () => ok({ bulletin: draft }),
      'bulletins.update': () => ok({ bulletin: draft }),
      'bulletins.publish': () => fail('INVALID_INPUT', '2026年第一季度尚未结束，结束后才能发布通报', 'quarter'),
    });
    render(<EditBulletinPage />);
    expect(await screen.findByText('2026年第一季度尚未结束，结束后才能发布通报')).toBeTruthy();
    fireEvent.click(screen.getByText('保存并发布'));
    await waitFor(() => expect(document.getElementById('bulletin-error')?.textContent).toBe('2026年第一季度尚未结束，结束后才能发布通报'));
  });
});

describe('数据看板', () => {
  it('draws cadence by month, points by content area and evaluation results with plain views', async () => {
    const points = computeUnitPoints({
      year: 2026,
      unitId: 'unit-001',
      pairings: [{ id: 'pairing-2026-001', unitId: 'unit-001', orgName: '华星', startDate: '2026-01-01', endDate: null }],
      records: unitRecords,
      tags: [],
      evaluations: [{ unitId: 'unit-001', roundId: 'r1', kind: 'midYear', year: 2026, points: 9.2, closedAt: chinaInstant(2026, 4, 1) }],
      timeline: timelineFor(2026, [], null),
      now: chinaInstant(2026, 4, 20),
    });
    mockActions({
      'session.whoami': () => district,
      'points.dashboard': () => ok({ year: 2026, scopeName: '龙岗区', units: 1, months: cadenceByMonth([points]), areas: pointsByArea([points]), evaluations: evaluationResults([points]) }),
    });
    render(<DashboardPage />);
    expect(await screen.findByText('每月到访完成情况')).toBeTruthy();
    expect(document.getElementById('month-1')!.getAttribute('aria-label')).toBe('1月：完成 1/1');
    expect(document.getElementById('month-4')!.getAttribute('aria-label')).toBe('4月：完成 0/1');
    // A bar's label is the month number alone (at most two characters, so it cannot wrap under a narrow bar).
    const labels = Array.from(document.querySelectorAll('.chart-month__label')).map((label) => label.textContent ?? '');
    expect(labels).toEqual(Array.from({ length: 12 }, (_, index) => String(index + 1)));
    expect(screen.getByText('月份（柱顶为完成率）')).toBeTruthy();
    expect(document.getElementById('area-workSystems')!.textContent).toContain('分');
    expect(screen.getByText('年中评议：1 个单位，平均 9.2 分')).toBeTruthy();
  });
});

describe('积分规则', () => {
  it('saves a new version and shows a refusal under the rule it is about', async () => {
    const set = defaultRuleSet(2026);
    const { inputsOf, calls } = mockActions({
      'session.whoami': () => district,
      'points.rules': () => ok({ year: 2026, scope: { kind: 'district' }, scopeName: '龙岗区', versions: [{ ...set, label: '默认积分表' }], inForce: 0, sources: [], canEdit: true, today: '2026-11-20', settings: { year: 2026, unitRankings: false, selfAssessmentDeadline: '2027-01-15', closedAt: null } }),
      'points.saveRules': () => fail('INVALID_INPUT', '“一月一到访”的上限（1）小于单项分值（2），与分值重叠矛盾', 'rules.0.cap'),
    });
    render(<RulesPage />);
    fireEvent.change(await screen.findByDisplayValue('24'), { target: { value: '1' } });
    // The district's first screen, year settings included, is one call.
    expect(document.getElementById('year-settings')!.textContent).toContain('不排名');
    expect(calls()).toEqual([{ action: 'points.rules', viewer: true }]);
    expect(inputsOf('points.rules')).toEqual([{ own: true }]);
    fireEvent.click(screen.getByText('保存为新版本'));
    const rule = document.getElementById('rule-0')!;
    expect(await within(rule).findByText('“一月一到访”的上限（1）小于单项分值（2），与分值重叠矛盾')).toBeTruthy();
    expect(inputsOf('points.saveRules')[0]).toMatchObject({ year: 2026, effectiveFrom: '2026-11-20', scope: { kind: 'district' }, yearCap: 100 });
    expect((inputsOf('points.saveRules')[0]!['rules'] as Array<{ cap: number }>)[0]!.cap).toBe(1);
  });
});

describe('积分规则：街道改为采用区的规则', () => {
  const streetOffice = person('孙丽', [{ role: 'streetOffice', scopeType: 'street', scopeId: 'street-longcheng', scopeName: '龙城街道', approved: true }]);
  const set = defaultRuleSet(2026);
  const district2 = { ...set, version: 2, effectiveFrom: '2026-07-01', label: '区第2版（2026-07-01起）' };
  const own = { ...set, version: 1, effectiveFrom: '2026-03-01', scope: { kind: 'street' as const, streetId: 'street-longcheng' }, yearCap: 90, label: '街道第1版（2026-03-01起）' };
  const street = { kind: 'street', streetId: 'street-longcheng' };
  const ownSources = [
    { source: 'district', from: '2026-01-01' },
    { source: 'street', from: '2026-03-01', label: '街道第1版（2026-03-01起）', savedBy: '孙丽' },
  ];
  const adoptedSources = [...ownSources, { source: 'district', from: '2026-12-01', label: '街道第2版：采用区的积分规则（2026-12-01起）', savedBy: '孙丽' }];
  const streetRules = (sources: unknown[], extra: object = {}) =>
    ok({ year: 2026, scope: street, scopeName: '龙城街道', versions: [{ ...set, label: '区第1版（2026-01-01起）', version: 1 }, own, ...(sources.length > 2 ? [district2] : [])], inForce: 1, sources, canEdit: true, today: '2026-11-20', settings: { year: 2026, unitRankings: false, selfAssessmentDeadline: '2027-01-15', closedAt: null }, ...extra });

  it('shows that the street’s own rules apply, adopts the district’s from the chosen date after a confirmation, then shows that', async () => {
    let adopted = false;
    const { inputsOf } = mockActions({
      'session.whoami': () => streetOffice,
      'points.rules': (input) => (input['streetId'] || input['own'] ? streetRules(adopted ? adoptedSources : ownSources) : streetRules([], { scope: { kind: 'district' }, canEdit: false })),
      'points.saveRules': () => ok({}),
      'points.adoptDistrictRules': () => {
        adopted = true;
        return ok({ ruleSet: { ...own, version: 2, effectiveFrom: '2026-12-01', followsDistrict: true, label: '街道第2版：采用区的积分规则（2026-12-01起）' } });
      },
    });
    render(<RulesPage />);
    expect(await screen.findByText('现行：本街道规则')).toBeTruthy();
    expect(screen.getByText('本街道安排的单位现按本街道规则计分：街道第1版（2026-03-01起），自 2026-03-01 起。区此后发布的新版本不会替换本街道规则。')).toBeTruthy();
    // The table in force is the street's own (全年上限 90), not the district's.
    expect(document.getElementById('in-force')!.textContent).toContain('街道第1版（2026-03-01起）');
    expect(document.getElementById('in-force')!.textContent).toContain('90');

    taroApi.showModal.mockResolvedValueOnce({ confirm: false, cancel: true });
    fireEvent.click(screen.getByText('改为采用区的积分规则'));
    await waitFor(() => expect(taroApi.showModal).toHaveBeenCalledTimes(1));
    expect(inputsOf('points.adoptDistrictRules')).toEqual([]);

    fireEvent.change(screen.getByLabelText('picker-adopt-picker'), { target: { value: '2026-12-01' } });
    fireEvent.click(screen.getByText('改为采用区的积分规则'));
    expect(await screen.findByText('已改为自 2026-12-01 起采用区的积分规则')).toBeTruthy();
    expect(taroApi.showModal).toHaveBeenLastCalledWith(expect.objectContaining({ content: expect.stringContaining('自 2026-12-01 起，本街道安排的单位按区当时有效的积分规则') }));
    expect(inputsOf('points.adoptDistrictRules')).toEqual([{ year: 2026, streetId: 'street-longcheng', effectiveFrom: '2026-12-01' }]);
    // Reloaded: the street's own rules until 30 November, the district's from 1 December; nothing left to adopt.
    expect(await screen.findByText('自 2026-12-01 起改为采用区的积分规则；此前的记录仍按本街道规则计分。')).toBeTruthy();
    expect(screen.getByText('现行：本街道规则')).toBeTruthy();
    expect(screen.queryByText('改为采用区的积分规则')).toBeNull();
  });

  it('shows a street that follows the district that state, and still lets it save its own version', async () => {
    mockActions({
      'session.whoami': () => streetOffice,
      'points.rules': (input) => (input['streetId'] || input['own'] ? streetRules(adoptedSources, { today: '2026-12-05', inForce: 2 }) : streetRules([], { scope: { kind: 'district' }, canEdit: false })),
    });
    render(<RulesPage />);
    expect(await screen.findByText('本街道安排的单位自 2026-12-01 起采用区的积分规则（孙丽保存）。')).toBeTruthy();
    expect(screen.getByText('现行：采用区的积分规则')).toBeTruthy();
    expect(document.getElementById('in-force')!.textContent).toContain('区第2版（2026-07-01起）');
    expect(screen.queryByText('改为采用区的积分规则')).toBeNull();
    expect(screen.getByText('保存为新版本')).toBeTruthy();
  });
});

describe('年度考核', () => {
  const view: AssessmentView = {
    year: 2026,
    scopeName: '龙岗区',
    closedAt: null,
    rankingsOn: false,
    units: [{ ...row('unit-001', '区发展和改革局', 30), selfAssessed: true }],
    streets: table(false).streets,
    streetChecks: [{ streetId: 'street-longcheng', streetName: '龙城街道', units: 2, completionRate: 0.9, averagePoints: 35, bulletinsPublished: 3, quartersEnded: 3, selfAssessmentsSubmitted: 1, suggested: 'excellent', grade: null, remarks: '' }],
    page: { offset: 0, limit: 50, total: 1 },
    commendations: { units: [], people: [{ name: '李娜', unitId: 'unit-001', unitName: '区发展和改革局', deeds: '牵头调研报告' }] },
    canEdit: true,
    unitChoices: [{ unitId: 'unit-001', unitName: '区发展和改革局' }],
  };

  it('shows a page of the units with the count of all, turns pages, and offers every unit for commendation', async () => {
    const units = Array.from({ length: 70 }, (_, index) => ({ ...row(`unit-${String(index).padStart(3, '0')}`, `单位${index + 1}`, 10), selfAssessed: index % 2 === 0 }));
    const { inputsOf } = mockActions({
      'session.whoami': () => district,
      'points.assessment': (input) => {
        const offset = Number(input['offset'] ?? 0);
        return ok({ ...view, units: units.slice(offset, offset + 50), page: { offset, limit: 50, total: 70 }, unitChoices: units.map(({ unitId, unitName }) => ({ unitId, unitName })) });
      },
      'points.saveCommendations': () => ok({ commendations: view.commendations }),
    });
    render(<AssessmentPage />);
    expect(await screen.findByText('各单位积分（70）')).toBeTruthy();
    expect(document.querySelectorAll('[id^="assessed-"]')).toHaveLength(50);
    fireEvent.click(screen.getByText('下一页'));
    expect(await screen.findByText('第 2/2 页：第 51–70 个单位，共 70 个单位')).toBeTruthy();
    expect(document.querySelectorAll('[id^="assessed-"]')).toHaveLength(20);
    expect(screen.getByText(/^李娜（.+）：牵头调研报告$/)).toBeTruthy();
    expect(inputsOf('points.assessment').map((input) => input['offset'] ?? 0)).toEqual([0, 50]);

    // A unit on neither page can be commended: the picker offers every unit of the scope.
    fireEvent.change(screen.getByLabelText('picker-commend-unit-picker'), { target: { value: '69' } });
    fireEvent.change(document.getElementById('commend-reason-input')!, { target: { value: '全年节奏全部完成' } });
    fireEvent.click(screen.getByText('加入先进单位'));
    await waitFor(() => expect(inputsOf('points.saveCommendations')).toHaveLength(1));
    expect(inputsOf('points.saveCommendations')[0]!['units']).toEqual([{ unitId: 'unit-069', reason: '全年节奏全部完成' }]);
  });

  it('lists people without points or ranks, and adds one to the commendation list', async () => {
    const { inputsOf } = mockActions({
      'session.whoami': () => district,
      'points.assessment': () => ok(view),
      'points.saveCommendations': () => ok({ commendations: view.commendations }),
    });
    render(<AssessmentPage />);
    const listed = await screen.findByText('李娜（区发展和改革局）：牵头调研报告');
    expect(listed.textContent).not.toMatch(/\d+\s*分|第\d/);
    expect(screen.queryByText(/^第\d+$/)).toBeNull();
    fireEvent.change(document.getElementById('person-name-input')!, { target: { value: '王强' } });
    fireEvent.change(screen.getByLabelText('picker-person-unit-picker'), { target: { value: '0' } });
    fireEvent.change(document.getElementById('person-deeds-input')!, { target: { value: '推动建立工会' } });
    fireEvent.click(screen.getByText('加入先进个人'));
    await waitFor(() => expect(inputsOf('points.saveCommendations')).toHaveLength(1));
    expect(inputsOf('points.saveCommendations')[0]!['people']).toEqual([
      { name: '李娜', unitId: 'unit-001', deeds: '牵头调研报告' },
      { name: '王强', unitId: 'unit-001', deeds: '推动建立工会' },
    ]);
  });
});

describe('one unit’s points for an office', () => {
  it('opens in one call: the points and the self-assessment beside them', async () => {
    taroControls.__setRouterParams({ unit: 'unit-001' });
    const comparison = { rows: [{ ruleKey: 'monthlyVisit', label: '一月一到访', claimed: 6, computed: 4, difference: 2, remark: '12月的到访待确认' }], claimedTotal: 9, computedTotal: 7, difference: 2 };
    const selfAssessment = aSelfAssessment({ submitted: { items: [], remarks: '按计划开展', submittedAt: '2026-12-20T02:00:00.000Z', submittedBy: '赵军' }, comparison });
    const server = mockActions({ 'session.whoami': () => district, 'points.unit': () => ok(aUnitPointsView({ selfAssessment })) });
    render(<OfficeUnitPointsPage />);
    expect(await screen.findByText('自评说明：按计划开展')).toBeTruthy();
    expect(document.getElementById('compare-monthlyVisit')!.textContent).toContain('+2');
    expect(server.calls()).toEqual([{ action: 'points.unit', viewer: true }]);
    expect(server.inputsOf('points.unit')).toEqual([{ unitId: 'unit-001', withSelfAssessment: true }]);
  });
});
