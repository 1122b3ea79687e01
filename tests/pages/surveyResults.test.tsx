import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import SurveyResultsPage from '../../src/pages-more/survey-results/index';
import SurveyLinksPage from '../../src/pages/survey/links/index';
import { fail, mockActions, ok, taro, taroControls } from './helpers';

const round = { id: 'round-1', year: 2026, period: 'midYear', label: '2026年年中评议', scopeType: 'district', scopeName: '全区', phase: 'closed', endDate: '2026-07-04', endsAt: '2026-07-04T16:00:00.000Z', pairingCount: 30, canManage: false };
const counts = (satisfied: number, basic: number, dissatisfied: number) => ({ satisfied, basic, dissatisfied });
const results = (overrides: Record<string, unknown> = {}) =>
  ok({
    round,
    pairingId: 'pairing-1',
    unitName: '区发展和改革局',
    orgName: '深圳华星光电科技有限公司',
    threshold: 3,
    total: 6,
    groups: [
      { group: 'partyMass', responses: 2, weight: 40, shown: false, hiddenReason: 'belowThreshold' },
      { group: 'employees', responses: 3, weight: 40, shown: true, items: [{ id: 'visits', title: '到访指导', counts: counts(2, 1, 0), score: 87 }, { id: 'workStyle', title: '工作作风', counts: counts(0, 0, 3), score: 0 }] },
      { group: 'owner', responses: 1, weight: 20, shown: false, hiddenReason: 'neverAlone' },
    ],
    points: { value: 8.8, maxPoints: 10, weights: { partyMass: 40, employees: 40, owner: 20 } },
    comments: ['建议多组织联合活动'],
    ...overrides,
  });

describe('survey results (the unit evaluated)', () => {
  it('shows the points, a bar chart per item of a shown group, and only counts for the others', async () => {
    taroControls.__setRouterParams({ round: 'round-1', pairing: 'pairing-1' });
    mockActions({ 'surveys.results': () => results() });
    render(<SurveyResultsPage />);
    expect(await screen.findByText('8.8 分')).toBeTruthy();
    expect(screen.getByText('共收到 6 份答卷')).toBeTruthy();
    expect(screen.getByText('员工代表（3 份）')).toBeTruthy();
    const segments = document.querySelectorAll('#chart-visits .item-chart__segment');
    expect(Array.from(segments).map((segment) => [segment.className.split('--')[1], (segment as HTMLElement).style.width])).toEqual([
      ['satisfied', '66.66666666666667%'],
      ['basic', '33.333333333333336%'],
    ]);
    expect(document.querySelector('#chart-visits .item-chart__bar')!.getAttribute('aria-label')).toBe('满意 2 份，基本满意 1 份，不满意 0 份');
    expect(screen.getByText('答卷不足 3 份，只显示份数')).toBeTruthy();
    expect(screen.getByText('人数很少，结果不单独显示，只计入积分')).toBeTruthy();
    expect(screen.getByText('建议多组织联合活动')).toBeTruthy();
  });

  it('while the round is open: counts only, and says why', async () => {
    taroControls.__setRouterParams({ round: 'round-1', pairing: 'pairing-1' });
    const open = { ...round, phase: 'open' };
    mockActions({
      'surveys.results': () =>
        results({ round: open, points: null, comments: null, groups: [{ group: 'partyMass', responses: 2, weight: 40, shown: false, hiddenReason: 'roundOpen' }, { group: 'employees', responses: 0, weight: 40, shown: false, hiddenReason: 'noResponses' }, { group: 'owner', responses: 0, weight: 20, shown: false, hiddenReason: 'noResponses' }] }),
    });
    render(<SurveyResultsPage />);
    expect(await screen.findByText('评议结束后计算')).toBeTruthy();
    expect(screen.getByText('评议结束后公布结果')).toBeTruthy();
    expect(screen.getByText(/为保护答题人/)).toBeTruthy();
    expect(document.querySelectorAll('.item-chart')).toHaveLength(0);
  });

  it('lists the unit’s evaluations with counts and points, and the leader’s with the way to hand out links', async () => {
    const item = { round, pairingId: 'pairing-1', unitName: '区发展和改革局', orgName: '深圳华星光电科技有限公司', responses: { partyMass: 2, employees: 3, owner: 1 }, total: 6 };
    mockActions({ 'surveys.mine': () => ok({ asUnit: [{ ...item, points: 8.8 }], asLeader: [{ ...item, points: null }] }) });
    render(<SurveyResultsPage />);
    expect(await screen.findByText('评议积分：8.8 分')).toBeTruthy();
    expect(screen.getAllByText('已收到 6 份（党群组织代表 2 · 员工代表 3 · 企业主 1）')).toHaveLength(2);
    fireEvent.click(document.getElementById('mine-unit-round-1-pairing-1')!);
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/pages-more/survey-results/index?round=round-1&pairing=pairing-1' });
    fireEvent.click(document.getElementById('mine-leader-round-1-pairing-1')!);
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/survey/links/index?round=round-1&pairing=pairing-1' });
  });

  it('shows a refusal as an error with the server’s message', async () => {
    taroControls.__setRouterParams({ round: 'round-1', pairing: 'pairing-1' });
    mockActions({ 'surveys.results': () => fail('FORBIDDEN', '评议结果只向被评议单位和党群共建办公开；组织负责人可以查看答卷份数') });
    render(<SurveyResultsPage />);
    expect(await screen.findByText('评议结果只向被评议单位和党群共建办公开；组织负责人可以查看答卷份数')).toBeTruthy();
  });
});

describe('handing out the survey (the org’s party leader)', () => {
  const link = (group: string, responses: number, extra: Record<string, unknown> = {}) => ({ group, entry: `tok-${group}-aaaaaaaaaaaaaa`, path: `pages/survey/index?e=tok-${group}-aaaaaaaaaaaaaa`, responses, codesIssued: 0, codesRequired: false, ...extra });

  it('shows each group’s link, QR code and count, and issues ballot codes', async () => {
    taroControls.__setRouterParams({ round: 'round-1', pairing: 'pairing-1' });
    const { inputsOf } = mockActions({
      'surveys.links': () => ok({ round: { ...round, phase: 'open' }, pairingId: 'pairing-1', unitName: '区发展和改革局', orgName: '深圳华星光电科技有限公司', groups: [link('partyMass', 2), link('employees', 3), link('owner', 0)] }),
      'surveys.qrCode': (input) => ok({ group: input['group'], url: `https://files.example/survey-codes/${String(input['group'])}.png`, validForSeconds: 3600 }),
      'surveys.ballotCodes': (input) => ok({ group: input['group'], path: 'pages/survey/index?e=tok-owner-aaaaaaaaaaaaaa', codes: ['0A1B2-C3D4E'] }),
    });
    render(<SurveyLinksPage />);
    expect(await screen.findByText('已收到 3 份')).toBeTruthy();
    expect(inputsOf('surveys.links')).toEqual([{ roundId: 'round-1', pairingId: 'pairing-1' }]);
    // No image travels with the links: a group's code is fetched as a file when the leader opens it.
    expect(document.querySelectorAll('img.survey-links__qr')).toHaveLength(0);
    fireEvent.click(screen.getByText('显示二维码', { selector: '#link-qr-show-employees *' }));
    await waitFor(() => expect(document.querySelectorAll('img.survey-links__qr')).toHaveLength(1));
    expect(document.querySelector('img.survey-links__qr')!.getAttribute('src')).toBe('https://files.example/survey-codes/employees.png');
    expect(inputsOf('surveys.qrCode')).toEqual([{ roundId: 'round-1', pairingId: 'pairing-1', group: 'employees' }]);
    expect(document.querySelectorAll('img.survey-links__qr')).toHaveLength(1);
    expect(screen.getByText('请把各组的链接或二维码发给本组人员。您只能看到每组答卷份数，看不到谁答了、答了什么。')).toBeTruthy();
    fireEvent.change(document.querySelector('#codes-count-owner-input')!, { target: { value: '1' } });
    fireEvent.click(screen.getByText('再发放 1 个', { selector: '#codes-issue-owner *' }));
    expect(await screen.findByText('1. 0A1B2-C3D4E')).toBeTruthy();
    expect(inputsOf('surveys.ballotCodes')).toEqual([{ roundId: 'round-1', pairingId: 'pairing-1', group: 'owner', add: 1 }]);
  });
});
