import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useShareAppMessage } from '@tarojs/taro';
import RecordPage from '../../src/pages/record/index';
import { aCheckIn, aRecord } from './builders';
import { mockActions, ok, taro, taroApi, taroControls } from './helpers';

const link = { token: 'tok_abcdefghijklmnop', path: 'pages/confirm/index?t=tok_abcdefghijklmnop', expiresAt: '2026-03-19T00:00:00.000Z' };

describe('record page', () => {
  beforeEach(() => taroControls.__setRouterParams({ id: 'rec-0001' }));

  it('offers the confirm link to copy and a QR code for a submitted record (h5)', async () => {
    const { inputsOf } = mockActions({
      'records.get': () => ok({ record: aRecord({ checkIn: aCheckIn({ flags: ['outsideGeofence'] }) }), canConfirm: false, unitSide: true, link }),
      'records.confirmLink': (input) => ok(input['withQrImage'] ? { ...link, qrImage: 'data:image/png;base64,AAAA' } : link),
    });
    render(<RecordPage />);
    const shown = await screen.findByText(/#\/pages\/confirm\/index\?t=tok_abcdefghijklmnop$/);
    expect(shown.id).toBe('confirm-link');
    expect(screen.getByText('不在组织附近', { exact: false })).toBeTruthy();
    // h5 has no share card.
    expect(document.querySelector('[data-open-type="share"]')).toBeNull();

    fireEvent.click(screen.getByText('复制确认链接'));
    expect(taroApi.setClipboardData).toHaveBeenCalledWith({ data: expect.stringMatching(/#\/pages\/confirm\/index\?t=tok_abcdefghijklmnop$/) });

    fireEvent.click(screen.getByText('出示二维码'));
    await waitFor(() => expect(document.querySelector('#confirm-qr img')?.getAttribute('src')).toBe('data:image/png;base64,AAAA'));
    // The link came with the record: the page asked again only for the QR code.
    expect(inputsOf('records.confirmLink')).toEqual([{ recordId: 'rec-0001', withQrImage: true }]);
  });

  it('asks for the link again only when it expired unused (records.confirmLink renews it), and shows the renewed one', async () => {
    const renewed = { ...link, token: 'tok_renewedrenewedre', path: 'pages/confirm/index?t=tok_renewedrenewedre' };
    const { inputsOf, calls } = mockActions({
      'records.get': () => ok({ record: aRecord(), canConfirm: false, unitSide: true }),
      'records.confirmLink': () => ok(renewed),
    });
    render(<RecordPage />);
    expect(await screen.findByText(/#\/pages\/confirm\/index\?t=tok_renewedrenewedre$/)).toBeTruthy();
    expect(inputsOf('records.confirmLink')).toEqual([{ recordId: 'rec-0001' }]);
    expect(calls().map((call) => call.action)).toEqual(['records.get', 'records.confirmLink']);
  });

  it('opens in one call: the record, whether the caller writes for its unit, and its open link', async () => {
    const { calls } = mockActions({ 'records.get': () => ok({ record: aRecord(), canConfirm: false, unitSide: true, link }) });
    render(<RecordPage />);
    expect(await screen.findByText('撤回')).toBeTruthy();
    expect(screen.getByText('复制确认链接')).toBeTruthy();
    expect(calls().map((call) => call.action)).toEqual(['records.get']);
  });

  it('shows neither the author’s actions nor the link to someone who does not write for the unit', async () => {
    mockActions({ 'records.get': () => ok({ record: aRecord(), canConfirm: false, unitSide: false }) });
    render(<RecordPage />);
    await screen.findByText('记录历史');
    expect(screen.queryByText('撤回')).toBeNull();
    expect(document.getElementById('reach-leader')).toBeNull();
  });

  it('shows a share button in weapp whose card opens the confirm page', async () => {
    process.env.TARO_ENV = 'weapp';
    try {
      const answers: Record<string, unknown> = { 'records.get': ok({ record: aRecord(), canConfirm: false, unitSide: true, link }) };
      taroApi.cloud.callFunction.mockImplementation(({ data }: { data: { action: string } }) => Promise.resolve({ result: answers[data.action] }));
      render(<RecordPage />);
      expect(await screen.findByText('发送给负责人')).toBeTruthy();
      expect(document.querySelector('[data-open-type="share"]')).toBeTruthy();
      const share = (useShareAppMessage as jest.Mock).mock.calls.at(-1)![0] as () => { title: string; path: string };
      expect(share()).toEqual({ title: '请确认：区发展和改革局 一月一到访（2026-03-05）', path: '/pages/confirm/index?t=tok_abcdefghijklmnop' });
    } finally {
      process.env.TARO_ENV = 'h5';
      taroApi.cloud.callFunction.mockReset();
    }
  });

  it('explains that correcting a confirmed record needs confirming again, then revises and opens the editor', async () => {
    const { inputsOf } = mockActions({
      'records.get': () => ok({ record: aRecord({ state: 'confirmed', confirmed: { at: '2026-03-06T02:00:00.000Z', by: '王芳' } }), canConfirm: false, unitSide: true }),
      'records.revise': () => ok({ record: aRecord({ state: 'revised', revision: 2 }) }),
    });
    render(<RecordPage />);
    expect(await screen.findByText('已由 王芳 于 2026年3月6日 10:00 确认')).toBeTruthy();
    fireEvent.click(screen.getByText('修改'));
    await waitFor(() => expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/pages-work/record-edit/index?pairing=pairing-2026-001&record=rec-0001' }));
    expect(taroApi.showModal).toHaveBeenCalledWith(expect.objectContaining({ content: expect.stringContaining('需要组织负责人重新确认') }));
    expect(inputsOf('records.revise')).toEqual([{ recordId: 'rec-0001' }]);
  });

  it('shows the dispute reason and lets the unit side revise right away', async () => {
    mockActions({
      'records.get': () => ok({ record: aRecord({ state: 'disputed', dispute: { reason: '参加人数不对', at: '2026-03-06T02:00:00.000Z', by: '王芳' } }), canConfirm: false, unitSide: true }),
      'records.revise': () => ok({ record: aRecord({ state: 'revised', revision: 2 }) }),
    });
    render(<RecordPage />);
    expect(await screen.findByText('王芳 提出异议')).toBeTruthy();
    expect(screen.getByText('参加人数不对')).toBeTruthy();
    fireEvent.click(screen.getByText('修改'));
    await waitFor(() => expect(taro.navigateTo).toHaveBeenCalled());
    expect(taroApi.showModal).not.toHaveBeenCalled();
  });
});

describe('record page: withdrawing a record that waits', () => {
  beforeEach(() => taroControls.__setRouterParams({ id: 'rec-0001' }));

  it('offers 撤回 to the author, asks first, withdraws and shows the record again', async () => {
    let state: 'submitted' | 'revised' = 'submitted';
    const { inputsOf } = mockActions({
      'records.get': () => ok({ record: aRecord({ state }), canConfirm: false, unitSide: true, ...(state === 'submitted' ? { link } : {}) }),
      'records.withdraw': () => {
        state = 'revised';
        return ok({ record: aRecord({ state }) });
      },
    });
    render(<RecordPage />);
    fireEvent.click(await screen.findByText('撤回'));
    await waitFor(() => expect(inputsOf('records.withdraw')).toEqual([{ recordId: 'rec-0001', revision: 1 }]));
    expect(taroApi.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '撤回这条记录' }));
    expect(await screen.findByText('提交确认')).toBeTruthy();
    expect(screen.queryByText('撤回')).toBeNull();
  });
});

describe('record page: submitting asks for the result message', () => {
  beforeEach(() => taroControls.__setRouterParams({ id: 'rec-0001' }));

  it('asks for the 审核结果通知 in the tap, before the record is sent, and submits whatever the answer', async () => {
    process.env.TARO_ENV = 'weapp';
    try {
      let state: 'draft' | 'submitted' = 'draft';
      const answers = (action: string): unknown => {
        if (action === 'records.submit') {
          state = 'submitted';
          return ok({ record: aRecord({ state }), link });
        }
        if (action === 'records.get') return ok({ record: aRecord({ state }), canConfirm: false, unitSide: true, ...(state === 'submitted' ? { link } : {}) });
        throw new Error(`the record page called ${action}`);
      };
      taroApi.cloud.callFunction.mockImplementation(({ data }: { data: { action: string } }) => Promise.resolve({ result: answers(data.action) }));
      taroApi.requestSubscribeMessage.mockImplementation(() => Promise.resolve({ 'local-record-result': 'reject' }));
      render(<RecordPage />);
      fireEvent.click(await screen.findByText('提交确认'));
      await waitFor(() => expect(taroApi.cloud.callFunction).toHaveBeenCalledWith(expect.objectContaining({ data: expect.objectContaining({ action: 'records.submit' }) })));
      expect(taroApi.requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: ['local-record-result'], entityIds: [] });
      const submitCall = taroApi.cloud.callFunction.mock.calls.findIndex(([call]: [{ data: { action: string } }]) => call.data.action === 'records.submit');
      expect(taroApi.requestSubscribeMessage.mock.invocationCallOrder[0]).toBeLessThan(taroApi.cloud.callFunction.mock.invocationCallOrder[submitCall]!);
      expect(await screen.findByText('撤回')).toBeTruthy();
    } finally {
      process.env.TARO_ENV = 'h5';
      taroApi.cloud.callFunction.mockReset();
    }
  });
});

describe('record page opened by an office', () => {
  beforeEach(() => taroControls.__setRouterParams({ id: 'rec-0001' }));
  const review = { at: '2026-03-06T02:05:00.000Z', byName: '孙丽', byOffice: '龙城街道党群共建办', note: '已与纸质台账核对，同一次活动', flags: ['photoReused' as const] };

  it('shows the flags and 已核查 with the office, the China time and the note', async () => {
    mockActions({ 'records.get': () => ok({ record: aRecord({ state: 'confirmed', checks: { flags: ['photoReused'], review } }), canConfirm: false, unitSide: false }) });
    render(<RecordPage />);
    const shown = await screen.findByText('已核查');
    expect(shown.closest('#office-checks-review')).toBeTruthy();
    expect(document.getElementById('office-checks-flags')!.textContent).toBe('提示：照片与其他记录重复');
    const text = document.getElementById('office-checks-review')!.textContent!;
    expect(text).toContain('龙城街道党群共建办 于 2026年3月6日 10:05 核查');
    expect(text).toContain('核查说明：已与纸质台账核对，同一次活动');
    expect(text).not.toContain('孙丽');
  });

  it('says a flag the review did not see is waiting again, and shows nothing when the answer has no checks', async () => {
    mockActions({ 'records.get': () => ok({ record: aRecord({ checks: { flags: ['photoReused', 'confirmBurst'], review } }), canConfirm: false, unitSide: false }) });
    const { unmount } = render(<RecordPage />);
    expect(await screen.findByText('已核查过，出现新的提示后待再次核查')).toBeTruthy();
    expect(document.getElementById('office-checks-flags')!.textContent).toBe('待核查：照片与其他记录重复、负责人短时间内集中确认');
    unmount();
    mockActions({ 'records.get': () => ok({ record: aRecord(), canConfirm: false, unitSide: true }), 'records.confirmLink': () => ok(link) });
    render(<RecordPage />);
    await screen.findByText('记录历史');
    expect(document.getElementById('office-checks')).toBeNull();
  });
});
