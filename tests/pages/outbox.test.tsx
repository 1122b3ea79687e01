import { render, screen } from '@testing-library/react';
import OutboxPage from '../../src/pages/outbox/index';
import { jsonResponse, mockFetch } from './helpers';

const message = (id: number, page: string, status: 'sent' | 'refused' = 'sent') => ({
  id,
  sentAt: '2026-06-10T02:00:00.000Z',
  touser: 'demo-wangfang',
  templateId: 'local-confirm-request',
  page,
  status,
  data: { thing1: { value: '一月一到访' }, thing2: { value: '区发展和改革局' } },
});

describe('the local outbox page (h5)', () => {
  it('tells messages about different records apart by the page they open, and marks a refused one', async () => {
    mockFetch({ '/__local/outbox': () => jsonResponse({ messages: [message(2, 'pages/confirm/index?t=tok-bbbbbbbbbbbbbbbb'), message(1, 'pages/confirm/index?t=tok-aaaaaaaaaaaaaaaa', 'refused')] }) });
    render(<OutboxPage />);
    expect(await screen.findByText('打开页面：pages/confirm/index?t=tok-bbbbbbbbbbbbbbbb')).toBeTruthy();
    expect(screen.getByText('打开页面：pages/confirm/index?t=tok-aaaaaaaaaaaaaaaa')).toBeTruthy();
    expect(screen.getAllByText(/未送达/)).toHaveLength(1);
  });

  it('shows the local server’s own message when it refuses (not signed in)', async () => {
    mockFetch({ '/__local/outbox': () => jsonResponse({ ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录本地演示账号，发件箱只显示您自己的消息' } }, 401) });
    render(<OutboxPage />);
    expect(await screen.findByText('请先登录本地演示账号，发件箱只显示您自己的消息')).toBeTruthy();
    expect(screen.queryByText(/本地演示服务出错/)).toBeNull();
  });

  it('words a bare 403 by its status', async () => {
    mockFetch({ '/__local/outbox': () => ({ ok: false, status: 403, json: () => Promise.reject(new SyntaxError('Unexpected end of JSON input')) }) as unknown as Response });
    render(<OutboxPage />);
    expect(await screen.findByText('您没有权限查看这些内容')).toBeTruthy();
  });
});
