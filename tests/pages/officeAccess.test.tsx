import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import AuditPage from '../../src/pages-office/audit/index';
import PlanReviewPage from '../../src/pages-office/plan-review/index';
import PlansPage from '../../src/pages-office/plans/index';
import RulesPage from '../../src/pages-office/points/rules/index';
import { defaultRuleSet } from '../../src/domain/points/defaultRules';
import { fail, mockActions, ok, person, taro, taroControls } from './helpers';

/**
 * Office pages learn who is looking from their own first call (`viewer: true`), not from a
 * `session.whoami` before it: one round trip for the first screen, and the calm "not for you" state
 * for anyone who is not a street or district office.
 */
const district = () => person('周涛', [{ role: 'districtOffice', scopeType: 'district', scopeId: 'district', scopeName: '龙岗区', approved: true }]);
const street = () => person('孙丽', [{ role: 'streetOffice', scopeType: 'street', scopeId: 'street-longcheng', scopeName: '龙城街道', approved: true }]);
const unitWorker = () => person('李明', [{ role: 'unitStaff', scopeType: 'unit', scopeId: 'unit-001', scopeName: '区发展和改革局', approved: true }]);

const plansList = (subjectName: string) =>
  ok({ year: 2026, deadline: '2026-11-15', canSetDeadline: false, counts: { open: 1, dueSoon: 0, overdue: 0, onTime: 0, late: 0 }, slots: [{ subjectType: 'unit', subjectId: 'unit-001', subjectName, streetId: 's', timing: 'open', plan: null }], page: { offset: 0, limit: 50, total: 1 } });

describe('an office page’s first screen', () => {
  it('takes one call, which also tells who is looking; later calls do not ask again', async () => {
    const server = mockActions({ 'session.whoami': district, 'plans.list': (input) => plansList(input['subjectType'] === 'street' ? '龙城街道' : '区发展和改革局') });
    render(<PlansPage />);
    expect(await screen.findByText('区发展和改革局')).toBeTruthy();
    expect(server.calls()).toEqual([{ action: 'plans.list', viewer: true }]);
    expect(server.fetch).toHaveBeenCalledTimes(1);

    fireEvent.click(screen.getByText('街道结对安排'));
    expect(await screen.findByText('龙城街道')).toBeTruthy();
    expect(server.calls()).toEqual([
      { action: 'plans.list', viewer: true },
      { action: 'plans.list', viewer: false },
    ]);
  });

  it('shows the calm state, in one call, to someone the office action refuses', async () => {
    const server = mockActions({ 'session.whoami': unitWorker, 'plans.list': () => fail('FORBIDDEN', '您没有权限进行此操作') });
    render(<PlansPage />);
    expect(await screen.findByText('此页面供党群共建办使用')).toBeTruthy();
    expect(screen.getByText('您当前没有街道或区委党群共建办的身份。')).toBeTruthy();
    expect(screen.queryByText('出错了')).toBeNull();
    expect(server.calls()).toEqual([{ action: 'plans.list', viewer: true }]);
    fireEvent.click(screen.getByText('返回首页'));
    expect(taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/home/index' });
  });

  it('shows the calm state when an action open to anyone answers a caller without an office grant', async () => {
    taroControls.__setRouterParams({ id: 'plan-1' });
    const plan = { id: 'plan-1', year: 2026, subjectType: 'unit', subjectId: 'unit-001', subjectName: '区发展和改革局', state: 'submitted', text: '一、共建目标', attachments: [], deadline: '2026-11-15', timing: 'onTime', firstSubmittedAt: null, submittedAt: null, authorName: '李明', reviews: [] };
    const server = mockActions({ 'session.whoami': unitWorker, 'plans.get': () => ok({ plan, canReview: false, canEdit: true }) });
    render(<PlanReviewPage />);
    expect(await screen.findByText('此页面供党群共建办使用')).toBeTruthy();
    expect(screen.queryByText('一、共建目标')).toBeNull();
    expect(server.calls()).toEqual([{ action: 'plans.get', viewer: true }]);
  });

  it('sends a caller without a session to the demo sign-in in h5, and back to the page afterwards', async () => {
    mockActions({ 'plans.list': () => fail('UNAUTHENTICATED', '请先登录') });
    render(<PlansPage />);
    await waitFor(() => expect(taro.redirectTo).toHaveBeenCalledWith({ url: '/pages/local-signin/index?redirect=%2Fpages-office%2Fplans%2Findex' }));
    expect(screen.queryByText('请先登录')).toBeNull();
  });

  it('in weapp, shows the calm state to a WeChat user who has not joined, asking for the caller in the same call', async () => {
    process.env.TARO_ENV = 'weapp';
    try {
      taro.cloud.callFunction.mockResolvedValueOnce({ result: { ok: false, error: { code: 'UNAUTHENTICATED', message: '您还没有加入，请通过邀请码或二维码加入' } } });
      render(<PlansPage />);
      expect(await screen.findByText('此页面供党群共建办使用')).toBeTruthy();
      expect(taro.cloud.callFunction).toHaveBeenCalledTimes(1);
      expect(taro.cloud.callFunction).toHaveBeenCalledWith({ name: 'plans', data: { action: 'plans.list', input: { subjectType: 'unit' }, viewer: true } });
      expect(taro.redirectTo).not.toHaveBeenCalled();
    } finally {
      process.env.TARO_ENV = 'h5';
    }
  });

  it('offers a failure’s retry, which still asks who is looking', async () => {
    let attempts = 0;
    const server = mockActions({ 'session.whoami': district, 'plans.list': () => (++attempts === 1 ? fail('INTERNAL', '系统繁忙，请稍后再试') : plansList('区发展和改革局')) });
    render(<PlansPage />);
    fireEvent.click(await screen.findByText('重试'));
    expect(await screen.findByText('区发展和改革局')).toBeTruthy();
    expect(server.calls()).toEqual([
      { action: 'plans.list', viewer: true },
      { action: 'plans.list', viewer: true },
    ]);
  });
});

describe('what an office page takes from the caller', () => {
  const trail = () => ok({ items: [] });

  it('offers the district office the search by person on the audit page, and a street office not', async () => {
    mockActions({ 'session.whoami': district, 'admin.audit': trail });
    const { unmount } = render(<AuditPage />);
    expect(await screen.findByText('按人员查看')).toBeTruthy();
    unmount();

    mockActions({ 'session.whoami': street, 'admin.audit': trail });
    render(<AuditPage />);
    expect(await screen.findByText('没有记录')).toBeTruthy();
    expect(screen.queryByText('按人员查看')).toBeNull();
  });

  it('opens the rules page of a street office on its street’s rules', async () => {
    const set = defaultRuleSet(2026);
    const server = mockActions({
      'session.whoami': street,
      // `own`: the server answers a street office with its street's rules.
      'points.rules': (input) => {
        const streetId = input['streetId'] ?? (input['own'] ? 'street-longcheng' : undefined);
        return ok({
          year: 2026,
          scope: streetId ? { kind: 'street', streetId } : { kind: 'district' },
          scopeName: streetId ? '龙城街道' : '龙岗区',
          versions: [{ ...set, label: '默认积分表' }],
          inForce: 0,
          sources: [],
          canEdit: Boolean(streetId),
          today: '2026-11-20',
          settings: { year: 2026, unitRankings: false, selfAssessmentDeadline: '2027-01-15', closedAt: null },
        });
      },
    });
    render(<RulesPage />);
    expect(await screen.findByText('龙城街道 · 通知附件3未公布，以下为可调整的默认积分表')).toBeTruthy();
    expect(document.getElementById('scope-street')?.className).toContain('chip--on');
    // One call for the first screen.
    expect(server.calls()).toEqual([{ action: 'points.rules', viewer: true }]);
    expect(server.inputsOf('points.rules')).toEqual([{ own: true }]);
    // Choosing the district's rules asks for them.
    fireEvent.click(screen.getByText('区级规则'));
    expect(await screen.findByText('龙岗区 · 通知附件3未公布，以下为可调整的默认积分表')).toBeTruthy();
    expect(server.inputsOf('points.rules').at(-1)).toEqual({});
    expect(document.getElementById('scope-district')?.className).toContain('chip--on');
  });
});
