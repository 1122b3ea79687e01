import { fireEvent, render, screen } from '@testing-library/react';
import LocalSignInPage from '../../src/pages/local-signin/index';
import { bodyOf, jsonResponse, mockFetch, taro } from './helpers';

const people = {
  people: [
    { openid: 'demo-wang', name: '王芳', grants: [{ role: 'unitStaff', scopeName: '区财政局' }] },
    { openid: 'demo-new', name: '新来的', grants: [] },
  ],
};

describe('local sign-in page', () => {
  it('is plainly marked as local and lists the demo people with their roles', async () => {
    mockFetch({ '/__local/people': () => jsonResponse(people) });
    render(<LocalSignInPage />);
    expect(screen.getByText('本地演示登录（仅本地环境）')).toBeTruthy();
    expect(await screen.findByText('王芳')).toBeTruthy();
    expect(screen.getByText('单位党群工作人员 · 区财政局')).toBeTruthy();
    expect(screen.getByText('新来的')).toBeTruthy();
    expect(screen.getByText('尚未加入')).toBeTruthy();
  });

  it('signs in as the tapped person and relaunches home', async () => {
    const fetch = mockFetch({
      '/__local/people': () => jsonResponse(people),
      '/__local/signin': () => jsonResponse({ ok: true }),
    });
    render(<LocalSignInPage />);
    fireEvent.click(await screen.findByText('王芳'));
    await screen.findByText('正在登录…');
    await new Promise((resolve) => setTimeout(resolve, 0));

    const signin = fetch.mock.calls.find(([url]) => url === '/__local/signin');
    expect(signin?.[1]?.method).toBe('POST');
    expect(bodyOf(signin?.[1])).toEqual({ openid: 'demo-wang' });
    expect(taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/home/index' });
  });

  it('shows why signing in failed and stays on the page', async () => {
    mockFetch({
      '/__local/people': () => jsonResponse(people),
      '/__local/signin': () => jsonResponse({ error: 'unknown person' }, 404),
    });
    render(<LocalSignInPage />);
    fireEvent.click(await screen.findByText('王芳'));
    expect(await screen.findByText('本地演示服务出错（404），请确认本地云已启动')).toBeTruthy();
    expect(taro.reLaunch).not.toHaveBeenCalled();
  });

  it('offers 重试 when the people cannot be loaded', async () => {
    mockFetch({});
    render(<LocalSignInPage />);
    expect(await screen.findByText('网络连接失败，请检查网络后重试')).toBeTruthy();
    mockFetch({ '/__local/people': () => jsonResponse(people) });
    fireEvent.click(screen.getByText('重试'));
    expect(await screen.findByText('王芳')).toBeTruthy();
  });

  it('signs out', async () => {
    const fetch = mockFetch({
      '/__local/people': () => jsonResponse(people),
      '/__local/signout': () => jsonResponse({ ok: true }),
    });
    render(<LocalSignInPage />);
    await screen.findByText('王芳');
    fireEvent.click(screen.getByText('退出当前登录'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(fetch.mock.calls.some(([url, init]) => url === '/__local/signout' && init?.method === 'POST')).toBe(true);
    expect(taro.showToast).toHaveBeenCalledWith({ title: '已退出登录', icon: 'none' });
  });
});

describe('local sign-in coming back', () => {
  it('returns to the page that sent the person here (a confirm link)', async () => {
    const { taroControls } = await import('./helpers');
    taroControls.__setRouterParams({ redirect: '/pages/confirm/index?t=tok_abcdefghijklmnop' });
    mockFetch({ '/__local/people': () => jsonResponse(people), '/__local/signin': () => jsonResponse({ ok: true }) });
    render(<LocalSignInPage />);
    fireEvent.click(await screen.findByText('王芳'));
    await screen.findByText('正在登录…');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/confirm/index?t=tok_abcdefghijklmnop' });
  });

  it('ignores a redirect outside the app', async () => {
    const { taroControls } = await import('./helpers');
    taroControls.__setRouterParams({ redirect: 'https://evil.example/pages/x' });
    mockFetch({ '/__local/people': () => jsonResponse(people), '/__local/signin': () => jsonResponse({ ok: true }) });
    render(<LocalSignInPage />);
    fireEvent.click(await screen.findByText('王芳'));
    await screen.findByText('正在登录…');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/home/index' });
  });
});
