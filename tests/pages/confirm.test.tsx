import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import ConfirmPage from '../../src/pages/confirm/index';
import { aRecord, aSummary } from './builders';
import { fail, mockActions, ok, taro, taroApi, taroControls } from './helpers';

const token = 'tok_abcdefghijklmnop';
const waiting = () => ok({ record: aRecord(), canConfirm: true });

function primaryButtons(): Element[] {
  return Array.from(document.querySelectorAll('.action-button--primary'));
}

describe('confirm page', () => {
  it('shows the record at a glance with exactly one primary button, 确认', async () => {
    taroControls.__setRouterParams({ t: token });
    const { inputsOf } = mockActions({ 'records.get': waiting, 'records.confirm': () => ok({ record: aRecord({ state: 'confirmed' }) }) });
    render(<ConfirmPage />);
    expect(await screen.findByText('区发展和改革局 请您确认这条共建记录是否属实：')).toBeTruthy();
    expect(screen.getByText('到企业党支部指导三会一课制度落实')).toBeTruthy();
    expect(screen.getByText('帮助修订党支部学习制度一项')).toBeTruthy();
    expect(inputsOf('records.get')).toEqual([{ token }]);

    const primaries = primaryButtons();
    expect(primaries).toHaveLength(1);
    expect(primaries[0]!.textContent).toBe('确认');
    expect(screen.getByText('有异议').closest('.action-button--secondary')).toBeTruthy();

    fireEvent.click(primaries[0]!);
    expect(await screen.findByText('已确认，谢谢！')).toBeTruthy();
    expect(inputsOf('records.confirm')).toEqual([{ token }]);
    // h5 offers the next reminder too (the local cloud's outbox keeps WeChat's quota); nothing is asked before the tap.
    expect(screen.getByText('接收下次确认提醒')).toBeTruthy();
    expect(taroApi.requestSubscribeMessage).not.toHaveBeenCalled();
  });

  it('offers the next record waiting for the leader after confirming', async () => {
    taroControls.__setRouterParams({ t: token });
    mockActions({
      'records.get': waiting,
      'records.confirm': () => ok({ record: aRecord({ state: 'confirmed' }) }),
      'records.pending': () => ok({ items: [aSummary({ id: 'rec-next' }), aSummary({ id: 'rec-later' })] }),
    });
    render(<ConfirmPage />);
    fireEvent.click(await screen.findByText('确认'));
    fireEvent.click(await screen.findByText('还有 2 条等您确认：下一条'));
    expect(taro.redirectTo).toHaveBeenCalledWith({ url: '/pages/confirm/index?id=rec-next' });
  });

  it('requires a reason before sending a dispute', async () => {
    taroControls.__setRouterParams({ t: token });
    const { inputsOf } = mockActions({ 'records.get': waiting, 'records.dispute': () => ok({ record: aRecord({ state: 'disputed' }) }) });
    render(<ConfirmPage />);
    fireEvent.click(await screen.findByText('有异议'));
    fireEvent.click(screen.getByText('提交异议'));
    expect(await screen.findByText('请填写异议理由，让单位知道哪里需要修改')).toBeTruthy();
    expect(document.getElementById('field-reason-error')).toBeTruthy();
    expect(inputsOf('records.dispute')).toHaveLength(0);

    fireEvent.change(document.querySelector('#field-reason-input')!, { target: { value: '  参加人数与实际不符  ' } });
    expect(screen.queryByText('请填写异议理由，让单位知道哪里需要修改')).toBeNull();
    expect(screen.getByText('13/500')).toBeTruthy();
    fireEvent.click(screen.getByText('提交异议'));
    expect(await screen.findByText('已提出异议')).toBeTruthy();
    expect(inputsOf('records.dispute')).toEqual([{ token, reason: '参加人数与实际不符' }]);
  });

  it('shows a link already used as a calm page with the server message', async () => {
    taroControls.__setRouterParams({ t: token });
    mockActions({ 'records.get': waiting, 'records.confirm': () => fail('ALREADY_DONE', '这条记录已经确认过了') });
    render(<ConfirmPage />);
    fireEvent.click(await screen.findByText('确认'));
    expect(await screen.findByText('这条记录已经处理过了')).toBeTruthy();
    expect(screen.getByText('这条记录已经确认过了')).toBeTruthy();
    expect(document.getElementById('confirm-ALREADY_DONE')).toBeTruthy();
    expect(screen.queryByText('重试')).toBeNull();
    expect(screen.queryByText('出错了')).toBeNull();
  });

  it('says once that a record reopened after confirming is already confirmed, with who and when under it', async () => {
    taroControls.__setRouterParams({ t: token });
    const note = '王芳 已于 2026年11月20日 10:00 确认，无需再次确认。如内容有误，请联系结对单位发起修改。';
    mockActions({ 'records.get': () => ok({ record: aRecord({ state: 'confirmed' }), canConfirm: false, reason: note }) });
    render(<ConfirmPage />);
    expect(await screen.findByText(note)).toBeTruthy();
    expect(screen.getAllByText('这条记录已经确认过了')).toHaveLength(1);
    expect(primaryButtons()).toHaveLength(0);
  });

  it.each([
    ['EXPIRED', '确认链接已过期，请单位重新发送', '链接已过期'],
    ['NOT_FOUND', '链接已失效：记录可能已修改并重新提交，请使用最新的链接', '找不到这条记录'],
    ['FORBIDDEN', '只有该“两新”组织已审核的党组织负责人才能确认', '暂时不能确认'],
    ['PENDING_APPROVAL', '您的党组织负责人身份正在等待结对单位或街道、区党群共建办审核，审核通过后即可使用', '正在等待审核'],
  ])('shows %s on opening as a calm page', async (code, message, title) => {
    taroControls.__setRouterParams({ t: token });
    mockActions({ 'records.get': () => fail(code, message) });
    render(<ConfirmPage />);
    expect(await screen.findByText(title)).toBeTruthy();
    expect(screen.getByText(message)).toBeTruthy();
    expect(primaryButtons()).toHaveLength(0);
  });

  it('reads the token from a mini-program code scene', async () => {
    taroControls.__setRouterParams({ scene: encodeURIComponent(token) });
    const { inputsOf } = mockActions({ 'records.get': waiting });
    render(<ConfirmPage />);
    await screen.findByText('确认');
    expect(inputsOf('records.get')).toEqual([{ token }]);
  });

  it('confirms from the leader list by record id and the revision seen', async () => {
    taroControls.__setRouterParams({ id: 'rec-0001' });
    const { inputsOf } = mockActions({
      'records.get': () => ok({ record: aRecord({ revision: 3 }), canConfirm: true }),
      'records.confirm': () => ok({ record: aRecord({ state: 'confirmed', revision: 3 }) }),
    });
    render(<ConfirmPage />);
    fireEvent.click(await screen.findByText('确认'));
    await screen.findByText('已确认，谢谢！');
    expect(inputsOf('records.get')).toEqual([{ recordId: 'rec-0001' }]);
    expect(inputsOf('records.confirm')).toEqual([{ recordId: 'rec-0001', revision: 3 }]);
  });

  it('explains why a record cannot be confirmed, without the buttons', async () => {
    taroControls.__setRouterParams({ t: token });
    mockActions({ 'records.get': () => ok({ record: aRecord(), canConfirm: false, reason: '您的党组织负责人身份尚待结对单位或党群共建办审核，审核通过后才能确认' }) });
    render(<ConfirmPage />);
    expect(await screen.findByText('暂时不需要您确认')).toBeTruthy();
    expect(screen.getByText(/尚待结对单位或党群共建办审核/)).toBeTruthy();
    expect(screen.queryByText('确认')).toBeNull();
    expect(screen.queryByText('有异议')).toBeNull();
  });

  it('sends someone without a session to sign in and back to this link (h5)', async () => {
    taroControls.__setRouterParams({ t: token });
    mockActions({ 'records.get': () => fail('UNAUTHENTICATED', '请先登录') });
    render(<ConfirmPage />);
    await waitFor(() =>
      expect(taro.redirectTo).toHaveBeenCalledWith({ url: `/pages/local-signin/index?redirect=${encodeURIComponent(`/pages/confirm/index?t=${token}`)}` }),
    );
  });

  it('offers the next reminder after confirming in weapp', async () => {
    process.env.TARO_ENV = 'weapp';
    try {
      taroControls.__setRouterParams({ t: token });
      taroApi.cloud.callFunction.mockImplementation(({ data }: { data: { action: string } }) =>
        Promise.resolve({ result: data.action === 'records.get' ? waiting() : data.action === 'records.pending' ? ok({ items: [] }) : ok({ record: aRecord({ state: 'confirmed' }) }) }),
      );
      taroApi.requestSubscribeMessage.mockResolvedValueOnce({ errMsg: 'requestSubscribeMessage:ok', 'test-confirm-request': 'accept' });
      render(<ConfirmPage />);
      fireEvent.click(await screen.findByText('确认'));
      fireEvent.click(await screen.findByText('接收下次确认提醒'));
      await waitFor(() => expect(screen.queryByText('接收下次确认提醒')).toBeNull());
      expect(taroApi.requestSubscribeMessage).toHaveBeenCalledWith(expect.objectContaining({ tmplIds: ['test-confirm-request'] }));
      expect(taro.showToast).toHaveBeenCalledWith({ title: '下次有记录待确认时会提醒您', icon: 'none' });
    } finally {
      process.env.TARO_ENV = 'h5';
      taroApi.cloud.callFunction.mockReset();
    }
  });
});

describe('confirm page: the link of an earlier version', () => {
  it('shows the latest version, the leader’s objection and each change, and confirms the latest by id and revision', async () => {
    taroControls.__setRouterParams({ t: token });
    const { inputsOf } = mockActions({
      'records.get': () =>
        ok({
          record: aRecord({ revision: 2 }),
          canConfirm: true,
          superseded: {
            linkRevision: 1,
            earlierObjection: { reason: '组织方参加人数不对', by: '王芳', at: '2026-03-06T02:00:00.000Z' },
            changes: [{ field: 'participants', label: '参加人员', before: '我方 2 人；组织方 3 人', after: '我方 2 人；组织方 5 人' }],
          },
        }),
      'records.confirm': () => ok({ record: aRecord({ state: 'confirmed', revision: 2 }) }),
    });
    render(<ConfirmPage />);
    expect(await screen.findByText('单位已修改这条记录，下面是最新的第 2 版')).toBeTruthy();
    expect(screen.getByText('王芳 于 2026年3月6日 10:00 提出的异议：组织方参加人数不对')).toBeTruthy();
    expect(document.querySelector('#change-participants .confirm-page__change-label')?.textContent).toBe('参加人员');
    expect(screen.getByText('原来：我方 2 人；组织方 3 人')).toBeTruthy();
    expect(screen.getByText('现在：我方 2 人；组织方 5 人')).toBeTruthy();
    fireEvent.click(screen.getByText('确认'));
    expect(await screen.findByText('已确认，谢谢！')).toBeTruthy();
    expect(inputsOf('records.confirm')).toEqual([{ recordId: 'rec-0001', revision: 2 }]);
  });

  it('a current link shows no such notice and confirms by its token', async () => {
    taroControls.__setRouterParams({ t: token });
    mockActions({ 'records.get': waiting });
    render(<ConfirmPage />);
    expect(await screen.findByText('区发展和改革局 请您确认这条共建记录是否属实：')).toBeTruthy();
    expect(document.getElementById('confirm-superseded')).toBeNull();
  });
});

describe('confirm page: several waiting records in one pass', () => {
  it('shows each record, calls out and leaves unchosen a flagged one, confirms the chosen and shows each answer', async () => {
    taroControls.__setRouterParams({ batch: '1' });
    const views = [aRecord({ id: 'rec-a', content: '甲记录的工作内容' }), aRecord({ id: 'rec-b', content: '乙记录的工作内容' }), aRecord({ id: 'rec-c', content: '丙记录的工作内容' })];
    const { inputsOf } = mockActions({
      'records.pending': () => ok({ items: [aSummary({ id: 'rec-a' }), aSummary({ id: 'rec-b', flagged: true }), aSummary({ id: 'rec-c' })], views }),
      'records.confirmMany': () =>
        ok({ items: [{ recordId: 'rec-a', ok: true, record: views[0] }, { recordId: 'rec-c', ok: false, error: { code: 'CONFLICT', message: '记录已撤回' } }] }),
    });
    render(<ConfirmPage />);
    expect(await screen.findByText('甲记录的工作内容')).toBeTruthy();
    expect(screen.getByText('乙记录的工作内容')).toBeTruthy();
    expect(screen.getByText('丙记录的工作内容')).toBeTruthy();
    expect(inputsOf('records.pending')).toEqual([{ withContent: true }]);
    expect(document.getElementById('batch-flagged-rec-b')).toBeTruthy();
    expect(document.getElementById('batch-flagged-rec-a')).toBeNull();
    fireEvent.click(screen.getByText('确认选中的 2 条'));
    expect(await screen.findByText('已确认 1 条，谢谢！')).toBeTruthy();
    expect(inputsOf('records.confirmMany')).toEqual([{ items: [{ recordId: 'rec-a', revision: 1 }, { recordId: 'rec-c', revision: 1 }] }]);
    expect(document.getElementById('batch-answer-rec-c')?.textContent).toContain('未确认：记录已撤回');
  });

  it('the leader may choose a flagged one after reading it', async () => {
    taroControls.__setRouterParams({ batch: '1' });
    const views = [aRecord({ id: 'rec-b', content: '乙记录的工作内容' })];
    const { inputsOf } = mockActions({
      'records.pending': () => ok({ items: [aSummary({ id: 'rec-b', flagged: true })], views }),
      'records.confirmMany': () => ok({ items: [{ recordId: 'rec-b', ok: true, record: views[0] }] }),
    });
    render(<ConfirmPage />);
    expect(await screen.findByText('请先选中要确认的记录')).toBeTruthy();
    fireEvent.click(screen.getByText('选中确认'));
    fireEvent.click(screen.getByText('确认选中的 1 条'));
    expect(await screen.findByText('已确认 1 条，谢谢！')).toBeTruthy();
    expect(inputsOf('records.confirmMany')).toEqual([{ items: [{ recordId: 'rec-b', revision: 1 }] }]);
  });
});
