import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import RecordEditPage from '../../src/pages-work/record-edit/index';
import { chinaDateString } from '../../src/domain/time/chinaTime';
import { aRecord } from './builders';
import { fail, mockActions, ok, taro, taroControls } from './helpers';

const pairingId = 'pairing-2026-001';

function type(selector: string, value: string) {
  fireEvent.change(document.querySelector(selector)!, { target: { value } });
}

function storedDrafts(): Array<{ key: string; value: { clientKey: string; form: Record<string, unknown> } }> {
  return [...taroControls.__storage.entries()]
    .filter(([key]) => key.startsWith('gj.draft.'))
    .map(([key, value]) => ({ key, value: JSON.parse(String(value)) }));
}

async function fillRequired() {
  fireEvent.click(await screen.findByText('（二）完善党群组织工作制度'));
  type('#field-content-input', '到企业党支部指导三会一课制度落实');
  type('#field-results-input', '帮助修订学习制度一项');
  type('#unit-count', '2');
  type('#org-count', '3');
}

const saved = (input: Record<string, unknown>, state = 'draft') => ok({ record: aRecord({ id: String(input['clientKey']), state: state as 'draft', revision: 1 }) });

describe('record editor', () => {
  it('shows a server field error next to its field', async () => {
    taroControls.__setRouterParams({ pairing: pairingId });
    mockActions({ 'records.save': () => fail('INVALID_INPUT', '请填写具体成效', 'results') });
    render(<RecordEditPage />);
    fireEvent.click(await screen.findByText('（二）完善党群组织工作制度'));
    type('#field-content-input', '到企业走访');
    fireEvent.click(screen.getByText('提交确认'));

    const error = await screen.findByText('请填写具体成效');
    expect(error.id).toBe('field-results-error');
    expect(document.getElementById('field-results')!.contains(error)).toBe(true);
    expect(document.getElementById('field-results')!.className).toContain('form-field--error');
    expect(document.getElementById('field-content-error')).toBeNull();
    // Refused, not queued: nothing waits on the phone, and the draft is still there.
    expect(screen.queryByText('已保存在手机上，联网后自动提交')).toBeNull();
    expect(storedDrafts()).toHaveLength(1);

    type('#field-results-input', '有成效');
    expect(document.getElementById('field-results-error')).toBeNull();
  });

  it('maps nested field paths (participants.org.count) to the side they belong to', async () => {
    taroControls.__setRouterParams({ pairing: pairingId });
    mockActions({ 'records.save': () => fail('INVALID_INPUT', '参加人数须为数字', 'participants.org.count') });
    render(<RecordEditPage />);
    await screen.findByText('提交确认');
    fireEvent.click(screen.getByText('保存草稿'));
    const error = await screen.findByText('参加人数须为数字');
    expect(document.getElementById('field-participants-org')!.contains(error)).toBe(true);
  });

  it('keeps what is typed on the phone, written at most every 300 ms, and at once when the page closes', async () => {
    taroControls.__setRouterParams({ pairing: pairingId });
    mockActions({});
    const first = render(<RecordEditPage />);
    fireEvent.click(await screen.findByText('（二）完善党群组织工作制度'));
    // That tap is written within 300 ms, on the real clock.
    await waitFor(() => expect(storedDrafts()).toHaveLength(1));
    jest.useFakeTimers();
    try {
      const writes = () => (Taro.setStorageSync as jest.Mock).mock.calls.filter(([key]) => String(key).startsWith('gj.draft.')).length;
      const before = writes();
      // Twenty keystrokes in one burst: nothing is written until 300 ms after the first of them.
      for (let length = 1; length <= 20; length += 1) type('#field-content-input', '到企业党支部指导三会一课制度落实'.padEnd(length, '。').slice(0, length));
      expect(writes()).toBe(before);
      act(() => void jest.advanceTimersByTime(299));
      expect(writes()).toBe(before);
      act(() => void jest.advanceTimersByTime(1));
      expect(writes()).toBe(before + 1);
      expect(storedDrafts()[0]!.value.form['content']).toHaveLength(20);
      // The last keystroke, then the page closes before 300 ms: it is written on the way out.
      type('#field-content-input', '到企业党支部指导三会一课制度落实');
      type('#field-results-input', '帮助修订学习制度一项');
    } finally {
      jest.useRealTimers();
    }
    first.unmount();
    const [draft] = storedDrafts();
    expect(draft).toBeDefined();
    expect(draft!.value.clientKey).toMatch(/^[\w-]{8,64}$/);
    expect(draft!.value.form).toMatchObject({
      pairingId,
      kind: 'monthlyVisit',
      date: chinaDateString(new Date()),
      contentAreas: ['workSystems'],
      content: '到企业党支部指导三会一课制度落实',
      results: '帮助修订学习制度一项',
    });

    render(<RecordEditPage />);
    expect(await screen.findByText('已恢复上次在手机上未提交的内容。')).toBeTruthy();
    expect((document.querySelector('#field-content-input') as HTMLTextAreaElement).value).toBe('到企业党支部指导三会一课制度落实');
    expect(storedDrafts()).toHaveLength(1);
  });

  it('submits once saved and opens the record; the phone copy is then removed', async () => {
    taroControls.__setRouterParams({ pairing: pairingId, kind: 'monthlyVisit', checkIn: 'checkin-1', photo: 'cloud://env.bucket/checkins/a.jpg' });
    const { inputsOf } = mockActions({
      'records.save': (input) => saved(input),
      'records.submit': (input) => ok({ record: aRecord({ id: String(input['recordId']) }), link: { token: 'tok_abcdefghijklmnop', path: 'pages/confirm/index?t=tok_abcdefghijklmnop', expiresAt: '2026-03-19T00:00:00.000Z' } }),
    });
    render(<RecordEditPage />);
    await fillRequired();
    fireEvent.click(screen.getByText('提交确认'));
    await waitFor(() => expect(taro.redirectTo).toHaveBeenCalled());

    const [save] = inputsOf('records.save');
    expect(save).toMatchObject({
      pairingId,
      kind: 'monthlyVisit',
      checkInId: 'checkin-1',
      attachments: [{ fileId: 'cloud://env.bucket/checkins/a.jpg', name: '签到现场照片' }],
      participants: { unit: { count: 2, names: [] }, org: { count: 3, names: [] } },
    });
    expect(inputsOf('records.submit')).toEqual([{ recordId: save!['clientKey'], revision: 1 }]);
    // Once, although both the submit's answer and the record queue's "sent" event report the sending.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(taro.redirectTo.mock.calls).toEqual([[{ url: `/pages/record/index?id=${String(save!['clientKey'])}` }]]);
    expect(storedDrafts()).toHaveLength(0);
  });

  it('says the record waits on the phone when the network is down', async () => {
    taroControls.__setRouterParams({ pairing: pairingId });
    mockActions({
      'records.save': () => {
        throw new TypeError('Failed to fetch');
      },
    });
    render(<RecordEditPage />);
    await fillRequired();
    fireEvent.click(screen.getByText('提交确认'));
    expect(await screen.findByText('已保存在手机上，联网后自动提交')).toBeTruthy();
    expect(storedDrafts()).toHaveLength(1);
  });

  it('loads an existing revision with records.get and saves it under its own id', async () => {
    taroControls.__setRouterParams({ pairing: pairingId, record: 'rec-0007' });
    const { inputsOf } = mockActions({
      'records.get': () => ok({ record: aRecord({ id: 'rec-0007', state: 'revised', revision: 2, content: '原来的内容' }), canConfirm: false }),
      'records.save': () => ok({ record: aRecord({ id: 'rec-0007', state: 'revised', revision: 2 }) }),
    });
    render(<RecordEditPage />);
    expect(await screen.findByText('这是修改后的新版本，提交后需要组织负责人重新确认。')).toBeTruthy();
    expect((document.querySelector('#field-content-input') as HTMLTextAreaElement).value).toBe('原来的内容');
    type('#field-content-input', '改过的内容');
    fireEvent.click(screen.getByText('保存草稿'));
    expect(await screen.findByText('草稿已保存。')).toBeTruthy();
    expect(inputsOf('records.save')[0]).toMatchObject({ clientKey: 'rec-0007', content: '改过的内容', participants: { unit: { count: 2, names: ['李明'] } } });
    expect(storedDrafts()).toHaveLength(0);
  });

  it('does not offer editing a submitted record', async () => {
    taroControls.__setRouterParams({ record: 'rec-0001' });
    mockActions({ 'records.get': () => ok({ record: aRecord(), canConfirm: false }) });
    render(<RecordEditPage />);
    expect(await screen.findByText('这条记录当前为“待确认”，不能直接修改。')).toBeTruthy();
    expect(screen.queryByText('提交确认')).toBeNull();
  });
});
