import { fireEvent, render, screen } from '@testing-library/react';
import OfficeSurveysPage from '../../src/pages-office/surveys/index';
import OfficeRoundPage from '../../src/pages-office/surveys/round/index';
import { fail, mockActions, ok, person, taro, taroApi, taroControls } from './helpers';

/** The caller: 孙丽 of 龙城街道's office. */
const sunLi = () => person('孙丽', [{ role: 'streetOffice', scopeType: 'street', scopeId: 'street-longcheng', scopeName: '龙城街道', approved: true }]);

const summary = { id: 'round-1', year: 2026, period: 'yearEnd', label: '2026年年终评议', scopeType: 'district', scopeName: '全区', phase: 'draft', endDate: '2026-07-31', endsAt: '2026-07-31T16:00:00.000Z', pairingCount: 0, canManage: true };
const weights = { partyMass: 40, employees: 40, owner: 20 };
const detail = (overrides: Record<string, unknown> = {}, items = [{ id: 'visits', title: '到访指导' }, { id: 'workStyle', title: '工作作风' }], version = 1) =>
  ok({ round: { ...summary, form: { version, items }, weights, threshold: 3, maxPoints: 10, ...overrides }, pairingsInScope: 30, pairings: [], page: { offset: 0, limit: 50, total: 0 }, responses: 0 });

describe('office: evaluation rounds', () => {
  it('lists rounds and creates a draft for the chosen period and end date', async () => {
    const { inputsOf } = mockActions({
      'session.whoami': sunLi,
      'surveys.list': () => ok({ items: [{ ...summary, id: 'round-0', label: '2026年年中评议', phase: 'open', pairingCount: 30 }], scopes: [{ name: '全区' }], suggested: { year: 2026, period: 'midYear', endDate: '2026-07-04' } }),
      'surveys.create': () => detail(),
    });
    render(<OfficeSurveysPage />);
    expect(await screen.findByText('2026年年中评议（全区）')).toBeTruthy();
    expect(screen.getByText('进行中 · 截止 2026-07-31 · 30 个结对')).toBeTruthy();
    fireEvent.click(document.getElementById('period-yearEnd')!);
    fireEvent.change(screen.getByLabelText('picker-end-date-picker'), { target: { value: '2026-07-31' } });
    fireEvent.click(screen.getByText('创建草稿（使用默认问卷）'));
    await screen.findByText('2026年年中评议（全区）');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(inputsOf('surveys.create')).toEqual([{ period: 'yearEnd', year: 2026, endDate: '2026-07-31' }]);
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/pages-office/surveys/round/index?id=round-1' });
  });

  it('shows a refused end date at its field', async () => {
    mockActions({
      'session.whoami': sunLi,
      'surveys.list': () => ok({ items: [], scopes: [{ name: '全区' }], suggested: { year: 2026, period: 'midYear', endDate: '2026-07-04' } }),
      'surveys.create': () => fail('INVALID_INPUT', '截止日期不能早于今天', 'endDate'),
    });
    render(<OfficeSurveysPage />);
    fireEvent.click(await screen.findByText('创建草稿（使用默认问卷）'));
    expect(await screen.findByText('截止日期不能早于今天')).toBeTruthy();
    expect(document.getElementById('field-endDate')!.className).toContain('form-field--error');
  });

  it('edits the draft’s form (a new version), then opens it with the version shown', async () => {
    taroControls.__setRouterParams({ id: 'round-1' });
    const { inputsOf } = mockActions({
      'session.whoami': sunLi,
      'surveys.round': () => detail(),
      'surveys.updateDraft': () => detail({}, [{ id: 'visits', title: '到访指导与联系' }, { id: 'workStyle', title: '工作作风' }, { id: 'q1', title: '宣传政策法规' }], 2),
      'surveys.open': () => ok({ round: { ...summary, phase: 'open', pairingCount: 30, form: { version: 2, items: [] }, weights, threshold: 3, maxPoints: 10 }, pairingsInScope: 30, pairings: [], page: { offset: 0, limit: 50, total: 0 }, responses: 0 }),
    });
    render(<OfficeRoundPage />);
    expect(await screen.findByText(/可修改的默认问卷/)).toBeTruthy();
    fireEvent.change(document.querySelector('#item-0-input')!, { target: { value: '到访指导与联系' } });
    fireEvent.click(screen.getByText('添加一题'));
    fireEvent.change(document.querySelector('#item-2-input')!, { target: { value: '宣传政策法规' } });
    expect(screen.getAllByText('请先保存修改再发布').length).toBeGreaterThan(0);
    fireEvent.click(screen.getByText('保存修改'));
    expect(await screen.findByText('已保存')).toBeTruthy();
    expect(inputsOf('surveys.updateDraft')).toEqual([
      { roundId: 'round-1', formVersion: 1, items: [{ id: 'visits', title: '到访指导与联系' }, { id: 'workStyle', title: '工作作风' }, { title: '宣传政策法规' }], weights, threshold: 3, endDate: '2026-07-31' },
    ]);
    fireEvent.click(screen.getByText('发布评议'));
    expect(await screen.findByText('全区 · 进行中 · 截止 2026-07-31')).toBeTruthy();
    expect(screen.getByText('导出 Excel')).toBeTruthy();
    expect(taroApi.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '发布评议' }));
    expect(inputsOf('surveys.open')).toEqual([{ roundId: 'round-1', formVersion: 2 }]);
  });

  it('follows an open round per pairing, exports it and ends it early', async () => {
    taroControls.__setRouterParams({ id: 'round-1' });
    const open = { ...summary, phase: 'open', pairingCount: 1, form: { version: 1, items: [] }, weights, threshold: 3, maxPoints: 10 };
    const pairing = { pairingId: 'pairing-1', unitName: '区发展和改革局', orgName: '深圳华星光电科技有限公司', responses: { partyMass: 2, employees: 3, owner: 1 }, total: 6, points: null };
    const opened = jest.fn();
    window.open = opened as never;
    mockActions({
      'session.whoami': sunLi,
      'surveys.round': () => ok({ round: open, pairingsInScope: 1, pairings: [pairing], page: { offset: 0, limit: 50, total: 1 }, responses: 6 }),
      'surveys.export': () => ok({ fileName: '2026年年终评议-全区-2026-06-20.xlsx', url: 'http://127.0.0.1:8720/__local/files/exports/x.xlsx?e=1&s=2' }),
      'surveys.close': () => ok({ round: { ...open, phase: 'closed' }, pairingsInScope: 1, pairings: [{ ...pairing, points: 8.8 }], page: { offset: 0, limit: 50, total: 1 }, responses: 6 }),
    });
    render(<OfficeRoundPage />);
    expect(await screen.findByText('6 份（党群组织代表 2 · 员工代表 3 · 企业主 1）· 积分 评议结束后计算')).toBeTruthy();
    fireEvent.click(screen.getByText('导出 Excel'));
    expect(await screen.findByText('2026年年终评议-全区-2026-06-20.xlsx（点按复制下载链接，约 2 小时内有效）')).toBeTruthy();
    expect(opened).toHaveBeenCalledWith('http://127.0.0.1:8720/__local/files/exports/x.xlsx?e=1&s=2', '_blank');
    fireEvent.click(screen.getByText('提前结束评议'));
    expect(await screen.findByText('6 份（党群组织代表 2 · 员工代表 3 · 企业主 1）· 积分 8.8 分')).toBeTruthy();
    fireEvent.click(document.getElementById('pairing-pairing-1')!);
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/pages-office/surveys/results/index?round=round-1&pairing=pairing-1' });
  });

  it('shows a page of a large round’s pairings with the totals of all, and turns pages', async () => {
    taroControls.__setRouterParams({ id: 'round-1' });
    const open = { ...summary, phase: 'open', pairingCount: 120, form: { version: 1, items: [] }, weights, threshold: 3, maxPoints: 10 };
    const pairings = Array.from({ length: 120 }, (_, index) => ({ pairingId: `pairing-${index}`, unitName: `单位${index}`, orgName: `企业${index}`, responses: { partyMass: 1, employees: 1, owner: 0 }, total: 2, points: null }));
    const { inputsOf } = mockActions({
      'session.whoami': sunLi,
      'surveys.round': (input) => {
        const offset = Number(input['offset'] ?? 0);
        return ok({ round: open, pairingsInScope: 120, pairings: pairings.slice(offset, offset + 50), page: { offset, limit: 50, total: 120 }, responses: 240 });
      },
    });
    render(<OfficeRoundPage />);
    expect(await screen.findByText('120 个结对，共收到 240 份答卷')).toBeTruthy();
    expect(document.querySelectorAll('[id^="pairing-pairing-"]')).toHaveLength(50);
    fireEvent.click(screen.getByText('下一页'));
    expect(await screen.findByText('单位50 ↔ 企业50')).toBeTruthy();
    expect(screen.queryByText('单位0 ↔ 企业0')).toBeNull();
    expect(screen.getByText('120 个结对，共收到 240 份答卷')).toBeTruthy();
    expect(screen.getByText('第 2/3 页：第 51–100 个结对，共 120 个结对')).toBeTruthy();
    expect(inputsOf('surveys.round')).toEqual([{ roundId: 'round-1' }, { roundId: 'round-1', offset: 50 }]);
  });
});
