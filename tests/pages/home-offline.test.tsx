import { fireEvent, render, screen } from '@testing-library/react';
import HomePage from '../../src/pages/home/index';
import { enqueueSubmission } from '../../src/client/recordQueue';
import { homeAnswer, mockActions, ok, person, taro, taroControls } from './helpers';

const worker = () => person('李明', [{ role: 'unitStaff', scopeType: 'unit', scopeId: 'u1', scopeName: '区发展和改革局', approved: true }]);
const work = { 'records.home': () => homeAnswer(worker()) };
const queuedRecord = {
  clientKey: 'lq3x9-abcdefghij',
  pairingId: 'pairing-2026-001',
  kind: 'monthlyVisit' as const,
  date: '2026-03-05',
  contentAreas: ['workSystems' as const],
  content: '到企业党支部指导三会一课制度落实，了解换届准备',
  results: '帮助修订学习制度一项',
  participants: { unit: { count: 2, names: [] }, org: { count: 3, names: [] } },
};

/** A "server" whose network can be cut: calls fail before reaching it while `online` is false. */
function network(handlers: Record<string, () => unknown>) {
  const net = { online: false };
  const wrapped = Object.fromEntries(
    Object.entries(handlers).map(([action, handler]) => [
      action,
      () => {
        if (!net.online) throw new TypeError('Failed to fetch');
        return handler();
      },
    ]),
  );
  return { net, ...mockActions(wrapped) };
}

describe('home page offline', () => {
  it('shows the records waiting on the phone instead of a full-page error, each one named', async () => {
    enqueueSubmission(queuedRecord.clientKey, queuedRecord);
    network({ ...work, 'records.save': () => ok({}) });
    render(<HomePage />);
    expect(await screen.findByText('暂时无法连接')).toBeTruthy();
    expect(screen.queryByText('出错了')).toBeNull();
    expect(screen.getByText('有 1 条记录已保存在手机上，联网后自动提交。')).toBeTruthy();
    fireEvent.click(screen.getByText('一月一到访 · 2026-03-05：到企业党支部指导三会一课制度落实，了解换…'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/pages-work/record-edit/index?pairing=pairing-2026-001&record=lq3x9-abcdefghij' });
  });

  it('recovers by itself when the network is back, and sends what waited', async () => {
    enqueueSubmission(queuedRecord.clientKey, queuedRecord);
    const { net, inputsOf } = network({
      ...work,
      'records.save': () => ok({ record: { id: queuedRecord.clientKey, revision: 1, state: 'draft' } }),
      'records.submit': () => ok({ record: { id: queuedRecord.clientKey, revision: 1, state: 'submitted' }, link: { token: 'tok_abcdefghijklmnop', path: 'pages/confirm/index?t=tok_abcdefghijklmnop', expiresAt: '2026-03-19T00:00:00.000Z' } }),
    });
    render(<HomePage />);
    expect(await screen.findByText('暂时无法连接')).toBeTruthy();

    net.online = true;
    taroControls.__emitNetworkStatus({ isConnected: true, networkType: 'wifi' });
    expect(await screen.findByText('您好，李明')).toBeTruthy();
    expect(screen.queryByText('暂时无法连接')).toBeNull();
    expect(screen.queryByText(/已保存在手机上/)).toBeNull();
    expect(inputsOf('records.submit')).toEqual([{ recordId: queuedRecord.clientKey, revision: 1 }]);
  });

  it('recovers on the browser’s online event too (h5)', async () => {
    const { net } = network({ ...work });
    render(<HomePage />);
    expect(await screen.findByText('暂时无法连接')).toBeTruthy();
    net.online = true;
    window.dispatchEvent(new Event('online'));
    expect(await screen.findByText('您好，李明')).toBeTruthy();
  });
});
