import { fireEvent, render, screen } from '@testing-library/react';
import HomePage from '../../src/pages/home/index';
import RecordsPage from '../../src/pages/records/index';
import { aSummary } from './builders';
import { homeAnswer, mockActions, ok, person, taro, taroControls } from './helpers';

const liMing = person('李明', [{ role: 'unitStaff', scopeType: 'unit', scopeId: 'unit-001', scopeName: '区发展和改革局', approved: true }]);

const results = [
  { record: aSummary({ id: 'rec-ok', state: 'confirmed', title: '一月一到访：指导制度建设' }), result: 'confirmed', by: '王芳', at: '2026-03-06T02:00:00.000Z' },
  { record: aSummary({ id: 'rec-no', state: 'disputed', title: '其他共建工作：联合慰问' }), result: 'disputed', by: '王芳', at: '2026-03-05T07:30:00.000Z', reason: '参加人数与实际不符' },
];

describe('home: 结果 of the unit’s records', () => {
  it('shows each decision with who, when (China time) and a dispute’s reason, and opens the record', async () => {
    mockActions({ 'records.home': () => homeAnswer(liMing, { today: '2026-03-20', results }) });
    render(<HomePage />);
    expect(await screen.findByText('结果')).toBeTruthy();
    expect(screen.getByText('王芳 于 2026年3月6日 10:00 确认')).toBeTruthy();
    expect(screen.getByText('王芳 于 2026年3月5日 15:30 提出异议：参加人数与实际不符')).toBeTruthy();
    fireEvent.click(screen.getByText('其他共建工作：联合慰问'));
    expect(taro.navigateTo).toHaveBeenLastCalledWith({ url: '/pages/record/index?id=rec-no' });
    fireEvent.click(screen.getByText('查看全部有异议的记录'));
    expect(taro.navigateTo).toHaveBeenLastCalledWith({ url: '/pages/records/index?state=disputed' });
  });

  it('shows no 结果 section while there is no decision', async () => {
    mockActions({ 'records.home': () => homeAnswer(liMing, { today: '2026-03-20' }) });
    render(<HomePage />);
    expect(await screen.findByText('您好，李明')).toBeTruthy();
    expect(screen.queryByText('结果')).toBeNull();
  });

  it('the record book opened from 结果 starts on that filter', async () => {
    taroControls.__setRouterParams({ state: 'disputed' });
    const { inputsOf } = mockActions({ 'records.list': () => ok({ items: [aSummary({ id: 'rec-no', state: 'disputed', title: '其他共建工作：联合慰问' })] }) });
    render(<RecordsPage />);
    expect(await screen.findByText('其他共建工作：联合慰问')).toBeTruthy();
    expect(inputsOf('records.list')).toEqual([{ limit: 20, state: 'disputed' }]);
  });

  it('ignores a state the book does not know', async () => {
    taroControls.__setRouterParams({ state: 'toString' });
    const { inputsOf } = mockActions({ 'records.list': () => ok({ items: [] }) });
    render(<RecordsPage />);
    expect(await screen.findByText('还没有记录。')).toBeTruthy();
    expect(inputsOf('records.list')).toEqual([{ limit: 20 }]);
  });
});

describe('home: a leader with several waiting records', () => {
  it('offers to read them one by one and confirm several in one pass', async () => {
    const leader = person('王芳', [{ role: 'orgLeader', scopeType: 'org', scopeId: 'org-001', scopeName: '深圳华星光电科技有限公司', approved: true }]);
    mockActions({ 'records.home': () => homeAnswer(leader, { toConfirm: [aSummary({ id: 'rec-1' }), aSummary({ id: 'rec-2' })] }) });
    render(<HomePage />);
    fireEvent.click(await screen.findByText('逐条查看，一次确认多条（2 条）'));
    expect(taro.navigateTo).toHaveBeenLastCalledWith({ url: '/pages/confirm/index?batch=1' });
  });
});
