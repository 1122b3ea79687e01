import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import RecordEditPage from '../../src/pages-work/record-edit/index';
import { aRecord } from './builders';
import { fail, mockActions, ok, settle, taroControls } from './helpers';

const pairingId = 'pairing-2026-001';

function type(selector: string, value: string) {
  fireEvent.change(document.querySelector(selector)!, { target: { value } });
}

const errorOf = (field: string) => document.getElementById(`field-${field}-error`)?.textContent;
const queued = () => JSON.parse(String(taroControls.__storage.get('gj.recordQueue') ?? '[]')) as unknown[];

describe('record editor checks the record on the phone with the server’s rules', () => {
  it('shows every missing field at once, next to each field and at the button, without calling the server', async () => {
    taroControls.__setRouterParams({ pairing: pairingId });
    const { calls } = mockActions({});
    render(<RecordEditPage />);
    fireEvent.click(await screen.findByText('提交确认'));

    expect(errorOf('contentAreas')).toBe('请至少选择一项共建内容');
    expect(errorOf('content')).toBe('请填写工作内容');
    expect(errorOf('results')).toBe('请填写具体成效');
    // An empty count says it is required, not that it must be a number.
    expect(errorOf('participants-unit')).toBe('请填写我方参加人数');
    expect(errorOf('participants-org')).toBe('请填写组织方参加人数');
    expect(document.getElementById('editor-problems')!.textContent).toBe(
      '还有 5 处需要填写或修改：请至少选择一项共建内容；请填写工作内容；请填写具体成效；请填写我方参加人数；请填写组织方参加人数',
    );
    // Right above the button, not at the top of the form.
    expect(document.getElementById('editor-problems')!.nextElementSibling?.textContent).toBe('提交确认');
    expect(calls()).toEqual([]);
    expect(queued()).toEqual([]);
    expect(screen.queryByText('已保存在手机上，联网后自动提交')).toBeNull();

    // Fixing a field takes it out of the count at the button.
    type('#field-content-input', '到企业走访');
    expect(errorOf('content')).toBeUndefined();
    expect(document.getElementById('editor-problems')!.textContent).toMatch(/^还有 4 处/);
  });

  it('says a count that is not a whole number must be one', async () => {
    taroControls.__setRouterParams({ pairing: pairingId });
    mockActions({});
    render(<RecordEditPage />);
    await screen.findByText('提交确认');
    type('#unit-count', '2.5');
    fireEvent.click(screen.getByText('提交确认'));
    expect(errorOf('participants-unit')).toBe('我方参加人数须为数字');
  });

  it('saves an incomplete draft, empty counts as empty', async () => {
    taroControls.__setRouterParams({ pairing: pairingId });
    const { inputsOf } = mockActions({ 'records.save': (input) => ok({ record: aRecord({ id: String(input['clientKey']), state: 'draft', revision: 1 }) }) });
    render(<RecordEditPage />);
    await screen.findByText('保存草稿');
    type('#field-content-input', '先记下一半');
    fireEvent.click(screen.getByText('保存草稿'));
    expect(await screen.findByText('草稿已保存。')).toBeTruthy();
    expect(inputsOf('records.save')[0]).toMatchObject({ content: '先记下一半', results: '', contentAreas: [], participants: { unit: { count: null }, org: { count: null } } });
    expect(document.getElementById('editor-problems')).toBeNull();
  });

  it('shows a submit refusal of no field at the button', async () => {
    taroControls.__setRouterParams({ pairing: pairingId });
    mockActions({
      'records.save': (input) => ok({ record: aRecord({ id: String(input['clientKey']), state: 'draft', revision: 1 }) }),
      'records.submit': () => fail('FORBIDDEN', '您没有权限提交这条记录'),
    });
    render(<RecordEditPage />);
    fireEvent.click(await screen.findByText('（二）完善党群组织工作制度'));
    type('#field-content-input', '到企业党支部指导三会一课制度落实');
    type('#field-results-input', '帮助修订学习制度一项');
    type('#unit-count', '2');
    type('#org-count', '3');
    fireEvent.click(screen.getByText('提交确认'));
    const answer = await screen.findByText('您没有权限提交这条记录');
    expect(answer.closest('#editor-answer')!.nextElementSibling?.textContent).toBe('提交确认');
  });

  it('shows a saved draft’s empty counts empty again (not 0) and still asks for them', async () => {
    taroControls.__setRouterParams({ pairing: pairingId, record: 'rec-0009' });
    const draft = aRecord({ id: 'rec-0009', state: 'draft', revision: 1 });
    mockActions({ 'records.get': () => ok({ record: { ...draft, participants: { unit: { count: 0, names: [] }, org: { count: 3, names: [] } } }, canConfirm: false }) });
    render(<RecordEditPage />);
    await screen.findByText('提交确认');
    expect((document.querySelector('#unit-count') as HTMLInputElement).value).toBe('');
    fireEvent.click(screen.getByText('提交确认'));
    await settle();
    await waitFor(() => expect(errorOf('participants-unit')).toBe('请填写我方参加人数'));
  });
});
