import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import HomePage from '../../src/pages/home/index';
import { bodyOf, homeAnswer, jsonResponse, mockActions, mockFetch, person, taro } from './helpers';

const noJoin = homeAnswer({ data: { person: null } });

describe('home page', () => {
  it('shows loading, then greets the person and lists their grants', async () => {
    mockActions({
      'records.home': () =>
        homeAnswer(
          person('王芳', [
            { role: 'unitStaff', scopeType: 'unit', scopeId: 'u1', scopeName: '区财政局', approved: true },
            { role: 'orgLeader', scopeType: 'org', scopeId: 'o1', scopeName: '星火科技有限公司', approved: false },
          ]),
        ),
    });
    render(<HomePage />);
    expect(screen.getByText('正在加载…')).toBeTruthy();

    expect(await screen.findByText('您好，王芳')).toBeTruthy();
    expect(screen.getByText('区财政局')).toBeTruthy();
    expect(screen.getByText('单位党群工作人员')).toBeTruthy();
    expect(screen.getByText('星火科技有限公司')).toBeTruthy();
    expect(screen.getByText('“两新”组织党组织负责人')).toBeTruthy();
    // Only the unapproved grant carries the badge.
    expect(screen.getAllByText('待审批')).toHaveLength(1);
    expect(screen.queryByText('进入共建办工作台')).toBeNull();
    expect(screen.queryByText('正在加载…')).toBeNull();
  });

  it('leads someone without any role (a refused party leader) to the refusal and 重新申请 on the pending page', async () => {
    mockActions({ 'records.home': () => homeAnswer(person('新书记', [])) });
    render(<HomePage />);
    expect(await screen.findByText('您目前没有任何身份，请联系邀请您的单位或共建办。')).toBeTruthy();
    fireEvent.click(screen.getByText('党组织负责人申请的审核结果'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/pending/index' });
  });

  it('offers the office workbench to office staff', async () => {
    mockActions({
      'records.home': () => homeAnswer(person('李强', [{ role: 'streetOffice', scopeType: 'street', scopeId: 's1', scopeName: '东湖街道', approved: true }])),
    });
    render(<HomePage />);
    fireEvent.click(await screen.findByText('进入共建办工作台'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/pages-office/index/index' });
  });

  it('explains joining by invitation when the person has not joined, with the local sign-in in h5', async () => {
    mockFetch({ '/api/call': () => jsonResponse(noJoin) });
    render(<HomePage />);
    expect(await screen.findByText('您还没有加入')).toBeTruthy();
    expect(screen.getByText(/邀请链接/)).toBeTruthy();
    fireEvent.click(screen.getByText('本地演示登录'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/local-signin/index' });
  });

  it('shows the error message and retries on 重试', async () => {
    let calls = 0;
    const fetch = mockFetch({
      '/api/call': () => {
        calls += 1;
        return calls === 1
          ? jsonResponse({ ok: false, error: { code: 'INTERNAL', message: '系统繁忙，请稍后再试' } }, 500)
          : jsonResponse(noJoin);
      },
    });
    render(<HomePage />);
    expect(await screen.findByText('系统繁忙，请稍后再试')).toBeTruthy();
    fireEvent.click(screen.getByText('重试'));
    expect(await screen.findByText('您还没有加入')).toBeTruthy();
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(bodyOf(fetch.mock.calls[1]![1])).toEqual({ action: 'records.home', input: {} });
  });

  it('sends a caller without a session to the local sign-in in h5', async () => {
    mockFetch({
      '/api/call': () => jsonResponse({ ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录' } }, 401),
    });
    render(<HomePage />);
    await screen.findByText('正在加载…');
    await waitFor(() => expect(taro.redirectTo).toHaveBeenCalledWith({ url: '/pages/local-signin/index' }));
    expect(screen.queryByText('请先登录')).toBeNull();
  });

  it('has no demo sign-in anywhere in weapp', async () => {
    process.env.TARO_ENV = 'weapp';
    try {
      taro.cloud.callFunction.mockResolvedValueOnce({ result: noJoin });
      render(<HomePage />);
      expect(await screen.findByText('您还没有加入')).toBeTruthy();
      expect(screen.queryByText('本地演示登录')).toBeNull();
      expect(screen.queryByText('切换演示身份')).toBeNull();
    } finally {
      process.env.TARO_ENV = 'h5';
    }
  });

  it('shows UNAUTHENTICATED as an error in weapp, where there is no demo sign-in', async () => {
    process.env.TARO_ENV = 'weapp';
    try {
      taro.cloud.callFunction.mockResolvedValueOnce({
        result: { ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录' } },
      });
      render(<HomePage />);
      expect(await screen.findByText('请先登录')).toBeTruthy();
      expect(taro.redirectTo).not.toHaveBeenCalled();
    } finally {
      process.env.TARO_ENV = 'h5';
    }
  });
});
