import { fireEvent, render, screen } from '@testing-library/react';
import OfficeIndexPage from '../../src/pages-office/index/index';
import { mockActions, ok, person, taro } from './helpers';

const overview = ok({ year: 2026, district: true, streets: [], counts: { units: 9, orgs: 8, pairings: 7 }, waiting: { leaders: 0, plans: 0, feedback: 0, records: 0 }, leaderRequests: [] });

describe('office landing page', () => {
  it("shows the office's scopes and nothing else", async () => {
    mockActions({
      'session.whoami': () =>
        person('赵敏', [
          { role: 'districtOffice', scopeType: 'district', scopeId: 'd1', scopeName: '江南区', approved: true },
          { role: 'unitStaff', scopeType: 'unit', scopeId: 'u1', scopeName: '区财政局', approved: true },
        ]),
      'admin.overview': () => overview,
    });
    render(<OfficeIndexPage />);
    expect(await screen.findByText('江南区')).toBeTruthy();
    expect(screen.getByText('区委党群共建办')).toBeTruthy();
    expect(screen.queryByText('区财政局')).toBeNull();
  });

  it('shows what waits for the office with counts, each opening where it is done', async () => {
    mockActions({
      'session.whoami': () => person('赵敏', [{ role: 'districtOffice', scopeType: 'district', scopeId: 'd1', scopeName: '江南区', approved: true }]),
      'admin.overview': () =>
        ok({
          year: 2026,
          district: true,
          streets: [],
          counts: { units: 9, orgs: 8, pairings: 7 },
          waiting: { leaders: 2, plans: 0, feedback: 5, records: 0 },
          leaderRequests: [
            { personId: 'p1', name: '新书记', orgId: 'o1', orgName: '华星光电', requestedAt: null, invitedByName: null },
            { personId: 'p2', name: '另一位书记', orgId: 'o2', orgName: '锦绣食品', requestedAt: null, invitedByName: null },
          ],
        }),
    });
    render(<OfficeIndexPage />);
    expect(await screen.findByText('待审核的组织负责人')).toBeTruthy();
    expect(screen.getByText('2 项')).toBeTruthy();
    expect(screen.getByText('5 项')).toBeTruthy();
    expect(screen.getByText('另一位书记')).toBeTruthy(); // the requests themselves, from the same answer
    expect(screen.queryByText('待审阅的工作方案')).toBeNull();
    fireEvent.click(screen.getByText('待答复的投诉建议'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/pages-office/feedback/index' });
  });

  it('turns away someone without an office role', async () => {
    mockActions({
      'session.whoami': () => person('王芳', [{ role: 'unitStaff', scopeType: 'unit', scopeId: 'u1', scopeName: '区财政局', approved: true }]),
      'admin.overview': () => ({ ok: false, error: { code: 'FORBIDDEN', message: '您没有权限进行此操作' } }),
    });
    render(<OfficeIndexPage />);
    expect(await screen.findByText('此页面供党群共建办使用')).toBeTruthy();
    fireEvent.click(screen.getByText('返回首页'));
    expect(taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/home/index' });
  });
});
