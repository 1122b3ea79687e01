import { act, fireEvent, render, screen } from '@testing-library/react';
import OfficeIndexPage from '../../src/pages-office/index/index';
import UnitPage from '../../src/pages-office/unit/index';
import OrgPage from '../../src/pages-office/org/index';
import AuditPage from '../../src/pages-office/audit/index';
import { mockActions, ok, person, taro, taroApi, taroControls } from './helpers';

const sunLi = person('孙丽', [{ role: 'streetOffice', scopeType: 'street', scopeId: 'street-longcheng', scopeName: '龙城街道', approved: true }]);
const zhouTao = person('周涛', [{ role: 'districtOffice', scopeType: 'district', scopeId: 'district', scopeName: '龙岗区', approved: true }]);
const overview = ok({ year: 2026, district: false, streets: [{ id: 'street-longcheng', name: '龙城街道' }], counts: { units: 9, orgs: 8, pairings: 7 }, waiting: { leaders: 0, plans: 0, feedback: 0, records: 0 }, leaderRequests: [] });
const unitDetail = {
  unit: { id: 'unit-001', code: 'U001', name: '区发展和改革局', level: 'districtDirect', streetId: 'street-longcheng', streetName: '龙城街道', contactName: '', contactPhone: '' },
  pairings: [{ id: 'pairing-1', unitId: 'unit-001', unitName: '区发展和改革局', orgId: 'org-001', orgName: '深圳华星光电科技有限公司', year: new Date().getFullYear(), startDate: '2026-01-01', endDate: null, arrangedBy: 'district' }],
  canManage: true,
  canManagePeople: true,
  streets: [{ id: 'street-longcheng', name: '龙城街道' }],
  people: [{ id: 'person-liming', name: '李明', grants: [{ role: 'unitStaff', scopeType: 'unit', scopeId: 'unit-001', scopeName: '区发展和改革局', approved: true }] }],
};

describe('the office home', () => {
  it('shows what the office looks after and links to each administration task', async () => {
    mockActions({ 'session.whoami': () => sunLi, 'admin.overview': () => overview });
    render(<OfficeIndexPage />);
    expect(await screen.findByText(/单位 9 个 · “两新”组织 8 个 · 结对 7 对/)).toBeTruthy();
    fireEvent.click(screen.getByText('导入、导出结对表'));
    expect(taro.navigateTo).toHaveBeenLastCalledWith({ url: '/pages-office/import/index' });
    for (const [text, url] of [
      ['单位、组织与结对', '/pages-office/directory/index'],
      ['工作方案', '/pages-office/plans/index'],
      ['答复投诉建议', '/pages-office/feedback/index'],
      ['审计记录', '/pages-office/audit/index'],
    ]) {
      fireEvent.click(screen.getByText(text!));
      expect(taro.navigateTo).toHaveBeenLastCalledWith({ url });
    }
  });
});

describe('a unit’s page', () => {
  it('saves the unit and shows the server’s message at the field', async () => {
    taroControls.__setRouterParams({ id: 'unit-001' });
    const calls = mockActions({
      'session.whoami': () => sunLi,
      'admin.unit': () => ok(unitDetail),
      'admin.saveUnit': (input) => (input['name'] === '区科技创新局' ? { ok: false, error: { code: 'CONFLICT', message: '已有名为“区科技创新局”的单位', field: 'name' } } : ok({ ...unitDetail, unit: { ...unitDetail.unit, name: String(input['name']) } })),
    });
    render(<UnitPage />);
    const name = (await screen.findByDisplayValue('区发展和改革局')) as HTMLInputElement;
    expect(calls.calls()).toEqual([{ action: 'admin.unit', viewer: true }]); // the screen in one call: details, pairings, people, streets
    fireEvent.change(name, { target: { value: '区科技创新局' } });
    fireEvent.click(screen.getByText('保存'));
    expect(await screen.findAllByText('已有名为“区科技创新局”的单位')).toHaveLength(2);
    fireEvent.change(name, { target: { value: '区发展和改革委员会' } });
    fireEvent.click(screen.getByText('保存'));
    expect(await screen.findByText('已保存')).toBeTruthy();
    expect(calls.inputsOf('admin.saveUnit').at(-1)).toMatchObject({ unitId: 'unit-001', name: '区发展和改革委员会', code: 'U001', level: 'districtDirect', streetId: 'street-longcheng' });
    expect(screen.getByText('李明')).toBeTruthy();
    expect(screen.getByText('2026 年度：深圳华星光电科技有限公司')).toBeTruthy();
  });

  it('pairs the unit with another org after confirmation, ending the running pairing', async () => {
    taroControls.__setRouterParams({ id: 'unit-001' });
    const calls = mockActions({
      'session.whoami': () => sunLi,
      'admin.unit': () => ok({ ...unitDetail, people: [] }),
      'admin.directory': () => ok({ units: [], pairings: [], total: 1, orgs: [{ id: 'org-009', code: 'O009', name: '深圳市锦绣食品有限公司', kind: 'enterprise', streetId: 'street-longcheng', streetName: '龙城街道', address: '' }] }),
      'admin.savePairing': () => ok({ unchanged: false, ended: unitDetail.pairings[0], pairing: { ...unitDetail.pairings[0], id: 'pairing-2', orgId: 'org-009', orgName: '深圳市锦绣食品有限公司' } }),
    });
    render(<UnitPage />);
    fireEvent.change(await screen.findByPlaceholderText('输入组织名称搜索'), { target: { value: '锦绣' } });
    fireEvent.click(screen.getByText('搜索组织'));
    const found = await screen.findByText('深圳市锦绣食品有限公司');
    await act(async () => {
      fireEvent.click(found);
    });
    expect(taroApi['showModal']).toHaveBeenCalledWith(expect.objectContaining({ content: expect.stringContaining('将结束与“深圳华星光电科技有限公司”的结对') }));
    expect(await screen.findByText('已与“深圳市锦绣食品有限公司”结对')).toBeTruthy();
    expect(calls.inputsOf('admin.savePairing')).toEqual([{ unitId: 'unit-001', orgId: 'org-009', year: new Date().getFullYear() }]);
  });
  it('changes a person’s role and shows the unit again from one call, its people with it', async () => {
    taroControls.__setRouterParams({ id: 'unit-001' });
    let head = false;
    const liming = () => ({ id: 'person-liming', name: '李明', grants: [{ role: head ? 'unitHead' : 'unitStaff', scopeType: 'unit', scopeId: 'unit-001', scopeName: '区发展和改革局', approved: true }] });
    const calls = mockActions({
      'session.whoami': () => sunLi,
      'admin.unit': () => ok({ ...unitDetail, people: [liming()] }),
      'admin.setUnitRole': () => {
        head = true;
        return ok({ person: liming() });
      },
    });
    render(<UnitPage />);
    expect(await screen.findByText('单位党群工作人员')).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByText('设为主要负责人'));
    });
    expect(await screen.findByText('角色已调整')).toBeTruthy();
    expect(await screen.findByText('单位主要负责人')).toBeTruthy();
    expect(calls.inputsOf('admin.setUnitRole')).toEqual([{ personId: 'person-liming', unitId: 'unit-001', role: 'unitHead' }]);
    // The people come back with the unit: no admin.people call, before or after.
    expect(calls.calls().map((call) => call.action)).toEqual(['admin.unit', 'admin.setUnitRole', 'admin.unit']);
  });
});

describe('an org’s page', () => {
  it('lets its leader correct details only, and sends typed coordinates as WGS-84', async () => {
    taroControls.__setRouterParams({ id: 'org-001' });
    const org = { id: 'org-001', code: 'O001', name: '深圳华星光电科技有限公司', kind: 'enterprise', streetId: 'street-longcheng', streetName: '龙城街道', address: '旧址', location: { latitude: 22.72, longitude: 114.24 }, geofenceMetres: 300, partyMembers: 5, partyOrgForm: 'standalone', massOrganisations: [], contactName: '', contactPhone: '' };
    const calls = mockActions({
      'admin.org': () => ok({ org, pairings: [], canManage: false, canEditDetails: true, canManagePeople: true, streets: [{ id: 'street-longcheng', name: '龙城街道' }], people: [] }),
      'admin.saveOrg': (input) => ok({ org: { ...org, address: String(input['address']) }, pairings: [], canManage: false, canEditDetails: true, canManagePeople: true, streets: [{ id: 'street-longcheng', name: '龙城街道' }], people: [] }),
    });
    render(<OrgPage />);
    expect(await screen.findByText('您可以更正地址、位置、党员人数和联系方式；名称、类型和街道由党群共建办修改。')).toBeTruthy();
    expect(calls.calls()).toEqual([{ action: 'admin.org', viewer: false }]);
    expect((screen.getByDisplayValue('深圳华星光电科技有限公司') as HTMLInputElement).disabled).toBe(true);
    fireEvent.change(screen.getByDisplayValue('22.72'), { target: { value: '22.7301' } });
    fireEvent.change(screen.getByDisplayValue('旧址'), { target: { value: '新址 8 号' } });
    fireEvent.click(screen.getByText('保存'));
    expect(await screen.findByText('已保存')).toBeTruthy();
    expect(calls.inputsOf('admin.saveOrg')[0]).toMatchObject({ orgId: 'org-001', address: '新址 8 号', location: { latitude: 22.7301, longitude: 114.24, system: 'wgs84' } });
    expect(screen.queryByText('在地图上选点')).toBeNull();
  });
});

describe('the audit page', () => {
  it('shows the trail of the unit it was opened for, and reads on', async () => {
    taroControls.__setRouterParams({ unitId: 'unit-001', label: '区发展和改革局' });
    const item = (id: string, title: string) => ({ id, at: '2026-06-10T02:00:00.000Z', actorName: '周涛', source: 'admin', title, subjectName: '区发展和改革局', changes: [{ field: '单位名称', before: '区发展和改革局', after: '区发展和改革委员会' }], note: '' });
    const calls = mockActions({
      'session.whoami': () => sunLi,
      'admin.audit': (input) => ok(input['before'] ? { items: [item('a2', '新增结对')] } : { items: [item('a1', '修改单位')], nextBefore: '2026-06-10T02:00:00.000Z' }),
    });
    render(<AuditPage />);
    expect(await screen.findByText('只看：区发展和改革局')).toBeTruthy();
    expect(await screen.findByText('单位名称：区发展和改革局 → 区发展和改革委员会')).toBeTruthy();
    fireEvent.click(screen.getByText('更早的记录'));
    expect(await screen.findByText('新增结对')).toBeTruthy();
    expect(calls.inputsOf('admin.audit')).toEqual([{ unitId: 'unit-001', limit: 30 }, { unitId: 'unit-001', before: '2026-06-10T02:00:00.000Z', limit: 30 }]);
  });

  it('reads a record edit as 参加人员：已修改, and the person search is a labelled field', async () => {
    taroControls.__setRouterParams({});
    const edit = { id: 'r1#1', at: '2026-06-10T02:00:00.000Z', actorName: '吴华', source: 'record', title: '修改内容', subjectName: '区发展和改革局 ↔ 华星', changes: [{ field: '参加人员', before: '', after: '', edited: true }], note: '' };
    mockActions({ 'session.whoami': () => zhouTao, 'admin.audit': () => ok({ items: [edit] }) });
    render(<AuditPage />);
    expect(await screen.findByText('参加人员：已修改')).toBeTruthy();
    expect(screen.queryByText(/（空）/)).toBeNull();
    expect(screen.getByText('按人员查看').closest('.form-field')).toBeTruthy();
  });
});
