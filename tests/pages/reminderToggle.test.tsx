import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ReminderToggle } from '../../src/components/ReminderToggle';
import { reminderStatus } from '../../src/client/reminderSubscription';
import { taroApi, taroControls } from './helpers';

describe('ReminderToggle: asks for a reminder template at a tap and shows whether reminders are on', () => {
  afterEach(() => {
    process.env.TARO_ENV = 'h5';
    taroControls.__storage.clear();
  });

  it('shows nothing where there are no subscription messages (h5)', () => {
    const { container } = render(<ReminderToggle kind='cadence' />);
    expect(container.innerHTML).toBe('');
    expect(reminderStatus('cadence')).toBe('unsupported');
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
