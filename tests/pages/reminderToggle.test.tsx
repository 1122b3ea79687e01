import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ReminderToggle } from '../../src/components/ReminderToggle';
import { reminderStatus } from '../../src/client/reminderSubscription';
import { bodyOf, jsonResponse, mockFetch, taroApi, taroControls } from './helpers';

describe('ReminderToggle: asks for a reminder template at a tap and shows whether reminders are on', () => {
  afterEach(() => {
    process.env.TARO_ENV = 'h5';
    taroControls.__storage.clear();
  });

  it('shows nothing where there are no subscription messages', () => {
    process.env.TARO_ENV = 'tt';
    const { container } = render(<ReminderToggle kind='cadence' />);
    expect(container.innerHTML).toBe('');
    expect(reminderStatus('cadence')).toBe('unsupported');
  });

  it('in h5 records the allowance with the local cloud at the tap (its outbox has WeChat’s quota), and shows it on', async () => {
    const fetchMock = mockFetch({ '/__local/subscriptions': () => jsonResponse({ ok: true }) });
    render(<ReminderToggle kind='cadence' />);
    expect(screen.getByText('提醒未开启')).toBeTruthy();
    expect(fetchMock).not.toHaveBeenCalled();
    fireEvent.click(screen.getByText('提醒我'));
    await waitFor(() => expect(screen.getByText('提醒已开启（微信每次授权可收到一条）')).toBeTruthy());
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(bodyOf(fetchMock.mock.calls[0]![1])).toEqual({ answers: { 'local-cadence-reminder': 'accept' } });
    expect(taroApi.requestSubscribeMessage).not.toHaveBeenCalled();
  });

  it('in h5 shows reminders off when the local cloud did not record the allowance', async () => {
    mockFetch({ '/__local/subscriptions': () => jsonResponse({ ok: false }, 401) });
    render(<ReminderToggle kind='confirm' />);
    fireEvent.click(screen.getByText('提醒我'));
    await waitFor(() => expect(reminderStatus('confirm')).toBe('off'));
    expect(screen.getByText('提醒未开启')).toBeTruthy();
  });

  it('asks WeChat for the cadence template inside the tap, and shows it on once allowed (remembered on the phone)', async () => {
    process.env.TARO_ENV = 'weapp';
    taroApi.requestSubscribeMessage.mockResolvedValueOnce({ errMsg: 'requestSubscribeMessage:ok', 'local-cadence-reminder': 'accept' });
    render(<ReminderToggle kind='cadence' />);
    expect(screen.getByText('提醒未开启')).toBeTruthy();
    expect(taroApi.requestSubscribeMessage).not.toHaveBeenCalled();
    fireEvent.click(screen.getByText('提醒我'));
    await waitFor(() => expect(screen.getByText('提醒已开启（微信每次授权可收到一条）')).toBeTruthy());
    expect(taroApi.requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: ['local-cadence-reminder'], entityIds: [] });
    expect(reminderStatus('cadence')).toBe('on');
    expect(reminderStatus('confirm')).toBe('unasked');
  });

  it('asks for the confirm template for a leader, and shows it off when declined', async () => {
    process.env.TARO_ENV = 'weapp';
    taroApi.requestSubscribeMessage.mockResolvedValueOnce({ errMsg: 'requestSubscribeMessage:ok', 'test-confirm-request': 'reject' });
    render(<ReminderToggle kind='confirm' />);
    fireEvent.click(screen.getByText('提醒我'));
    await waitFor(() => expect(taroApi.requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: ['test-confirm-request'], entityIds: [] }));
    await waitFor(() => expect(reminderStatus('confirm')).toBe('off'));
    expect(screen.getByText('提醒未开启')).toBeTruthy();
  });
});
