import { fireEvent, render, screen, within } from '@testing-library/react';
import HomePage from '../../src/pages/home/index';
import { aCadence, aSummary } from './builders';
import { homeAnswer, mockActions, ok, person, taro } from './helpers';

const liMing = person('李明', [{ role: 'unitStaff', scopeType: 'unit', scopeId: 'unit-001', scopeName: '区发展和改革局', approved: true }]);

const pairing = {
  pairingId: 'pairing-2026-001',
  unitName: '区发展和改革局',
  orgName: '深圳华星光电科技有限公司',
  orgAddress: '深圳市龙岗区龙城街道龙翔大道100号',
  cadence: [
    aCadence({ item: 'monthlyVisit', status: 'done' }),
    aCadence({ item: 'quarterlyActivity', period: { kind: 'quarter', year: 2026, quarter: 1 }, status: 'dueSoon' }),
    aCadence({ item: 'annualSummary', period: { kind: 'year', year: 2026 }, status: 'open', dueDate: '2026-12-31' }),
  ],
  latest: [aSummary({ id: 'rec-latest', state: 'confirmed', title: '一月一到访：指导制度建设' })],
  waitingOnMe: [aSummary({ id: 'rec-draft', state: 'draft', title: '一季一活动（联合活动）：联合主题党日' })],
};

describe('home page work sections', () => {
  it('shows the cadence of each pairing with its status and the big actions', async () => {
    mockActions({
      'records.home': () => homeAnswer(liMing, { today: '2026-03-20', pairings: [pairing] }),
    });
    render(<HomePage />);
    const visit = await screen.findByText('本月到访');
    const card = visit.closest('#cadence-monthlyVisit') as HTMLElement;
    expect(card.className).toContain('cadence-card--done');
    expect(within(card).getByText('已完成')).toBeTruthy();
    const quarter = document.getElementById('cadence-quarterlyActivity')!;
    expect(within(quarter).getByText('即将到期')).toBeTruthy();
    expect(within(quarter).getByText(/截止 3月31日/)).toBeTruthy();
    expect(screen.getByText('待我处理')).toBeTruthy();
    expect(screen.getByText('最新记录')).toBeTruthy();

    fireEvent.click(screen.getByText('到访签到'));
    expect(taro.navigateTo).toHaveBeenLastCalledWith({
      url: `/pages/checkin/index?pairing=pairing-2026-001&org=${encodeURIComponent('深圳华星光电科技有限公司')}`,
    });
    fireEvent.click(screen.getByText('写记录'));
    expect(taro.navigateTo).toHaveBeenLastCalledWith({ url: '/pages-work/record-edit/index?pairing=pairing-2026-001' });
    fireEvent.click(screen.getByText('一季一活动（联合活动）：联合主题党日'));
    expect(taro.navigateTo).toHaveBeenLastCalledWith({ url: '/pages/record/index?id=rec-draft' });
  });

  it('lists what waits for an approved party leader, each opening the confirm page', async () => {
    mockActions({
      'records.home': () => homeAnswer(person('王芳', [{ role: 'orgLeader', scopeType: 'org', scopeId: 'org-001', scopeName: '深圳华星光电科技有限公司', approved: true }]), { today: '2026-03-20', toConfirm: [aSummary({ id: 'rec-9' })] }),
    });
    render(<HomePage />);
    fireEvent.click(await screen.findByText('一月一到访：到企业党支部指导三会一课制度落实'));
    expect(taro.navigateTo).toHaveBeenLastCalledWith({ url: '/pages/confirm/index?id=rec-9' });
  });

  it('explains to an unapproved leader that approval comes first, without a confirm list', async () => {
    const { inputsOf } = mockActions({
      'records.home': () => homeAnswer(person('刘洋', [{ role: 'orgLeader', scopeType: 'org', scopeId: 'org-002', scopeName: '深圳市宏达精密制造有限公司', approved: false }])),
    });
    render(<HomePage />);
    expect(await screen.findByText('待审核')).toBeTruthy();
    expect(screen.getByText(/深圳市宏达精密制造有限公司.*正在等待审核/)).toBeTruthy();
    expect(screen.queryByText('待确认')).toBeNull();
    // One call for the whole screen, whatever the person's roles.
    expect(inputsOf('records.home')).toHaveLength(1);
    expect(document.getElementById('to-confirm')).toBeNull();
  });

  it('lets the unit side approve a waiting party leader', async () => {
    const { inputsOf } = mockActions({
      'records.home': () => homeAnswer(liMing, { today: '2026-03-20', pendingLeaders: [{ personId: 'person-liuyang', name: '刘洋', orgId: 'org-002', orgName: '深圳市宏达精密制造有限公司' }] }),
      'session.approveLeader': (input) => ok({ person: { ...input, name: '刘洋', orgName: '深圳市宏达精密制造有限公司', approved: true } }),
    });
    render(<HomePage />);
    expect(await screen.findByText('待审核的负责人')).toBeTruthy();
    fireEvent.click(screen.getByText('通过'));
    expect(await screen.findByText('已全部审核。')).toBeTruthy();
    expect(inputsOf('session.approveLeader')).toEqual([{ personId: 'person-liuyang', orgId: 'org-002' }]);
  });
});
