import { act, fireEvent, render, screen } from '@testing-library/react';
import FeedbackPage from '../../src/pages-more/feedback/index';
import PlanPage from '../../src/pages-more/plan/index';
import OfficeFeedbackPage from '../../src/pages-office/feedback/index';
import PlansPage from '../../src/pages-office/plans/index';
import PlanReviewPage from '../../src/pages-office/plan-review/index';
import { FeedbackEntry } from '../../src/components/FeedbackEntry';
import { mockActions, ok, person, taro, taroApi, taroControls } from './helpers';

const message = (from: 'sender' | 'office', text: string, officeName?: string) => ({ from, text, at: '2026-06-10T02:00:00.000Z', ...(officeName ? { officeName } : {}) });
const plan = (overrides: Record<string, unknown> = {}) => ({
  id: 'plan-2026-unit-unit-001',
  year: 2026,
  subjectType: 'unit',
  subjectId: 'unit-001',
  subjectName: '区发展和改革局',
  state: 'draft',
  text: '一、共建目标',
  attachments: [],
  deadline: '2026-11-15',
  timing: 'open',
  firstSubmittedAt: null,
  submittedAt: null,
  authorName: '李明',
  reviews: [],
  ...overrides,
});

describe('the 投诉建议 entry and page', () => {
  it('opens the page from any page, remembering where from', () => {
    render(<FeedbackEntry fromPage='pages/checkin/index' />);
    fireEvent.click(screen.getByText('投诉建议'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/pages-more/feedback/index?from=pages%2Fcheckin%2Findex' });
  });

  it('sends a complaint anonymously without the contact, and asks weapp for the reply notice first', async () => {
    process.env.TARO_ENV = 'weapp';
    taroControls.__setRouterParams({ from: 'pages/checkin/index' });
    taroApi.cloud.callFunction.mockImplementation(({ data }: { data: { action: string; input: Record<string, unknown> } }) =>
      Promise.resolve({ result: data.action === 'feedback.mine' ? ok({ items: [], replyTemplateId: 'tmpl-reply' }) : ok({ feedback: { id: 'f1', category: 'complaint', state: 'pending', anonymous: true, createdAt: '2026-06-10T02:00:00.000Z', messages: [message('sender', String(data.input['content']))] } }) }),
    );
    try {
      render(<FeedbackPage />);
      fireEvent.click(await screen.findByText('投诉'));
      fireEvent.click(screen.getByText('匿名'));
      expect(screen.queryByPlaceholderText('电话或其他方式')).toBeNull();
      fireEvent.change(screen.getByPlaceholderText('请写明遇到的问题或建议'), { target: { value: '要求每天拍照打卡' } });
      await act(async () => {
        fireEvent.click(screen.getByText('提交'));
      });
      expect(await screen.findByText('已收到，答复后会在这里显示。')).toBeTruthy();
      expect(taroApi.requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: ['tmpl-reply'], entityIds: [] });
      const sent = taroApi.cloud.callFunction.mock.calls.map(([call]) => call.data).find((data: { action: string }) => data.action === 'feedback.send');
      expect(sent.input).toEqual({ category: 'complaint', content: '要求每天拍照打卡', anonymous: true, page: 'pages/checkin/index' });
      expect(screen.getByText('要求每天拍照打卡')).toBeTruthy();
    } finally {
      process.env.TARO_ENV = 'h5';
    }
  });

  it('shows the office’s answer in the office’s name, and lets the sender add to it or close it', async () => {
    taroControls.__setRouterParams({ id: 'f2' });
    const answered = { id: 'f2', category: 'suggestion', state: 'answered', anonymous: false, createdAt: '2026-06-09T02:00:00.000Z', messages: [message('sender', '希望导出记录本'), message('office', '已列入计划', '龙城街道党群共建办')] };
    const calls = mockActions({
      'feedback.mine': () => ok({ items: [answered], replyTemplateId: 'tmpl' }),
      'feedback.close': () => ok({ feedback: { ...answered, state: 'closed' } }),
    });
    render(<FeedbackPage />);
    expect(await screen.findByText('已列入计划')).toBeTruthy();
    expect(screen.getByText(/龙城街道党群共建办/)).toBeTruthy();
    expect(document.getElementById('feedback-f2')!.className).toContain('feedback-item--highlighted');
    fireEvent.click(screen.getByText('问题已解决，办结'));
    expect(await screen.findByText('建议 · 已办结')).toBeTruthy();
    expect(calls.inputsOf('feedback.close')).toEqual([{ feedbackId: 'f2' }]);
  });

  it('lets an office answer, hiding anonymous senders', async () => {
    const item = { id: 'f3', category: 'complaint', state: 'pending', anonymous: true, createdAt: '2026-06-09T02:00:00.000Z', messages: [message('sender', '有人强制拍照')], senderName: null, contact: null, page: null };
    const calls = mockActions({
      'session.whoami': () => person('周涛', [{ role: 'districtOffice', scopeType: 'district', scopeId: 'district', scopeName: '龙岗区', approved: true }]),
      'feedback.list': () => ok({ items: [item] }),
      'feedback.answer': () => ok({ feedback: { ...item, state: 'answered' }, notified: true }),
    });
    render(<OfficeFeedbackPage />);
    expect(await screen.findByText(/^匿名 ·/)).toBeTruthy();
    fireEvent.change(document.querySelector('#answer-f3-input')!, { target: { value: '已核查并纠正' } });
    fireEvent.click(document.getElementById('send-answer-f3')!);
    expect(await screen.findByText('已答复，并已通知提出人')).toBeTruthy();
    expect(calls.inputsOf('feedback.answer')).toEqual([{ feedbackId: 'f3', text: '已核查并纠正' }]);
  });
});

describe('work plans', () => {
  it('lets a unit worker save and submit the plan, and shows it as submitted', async () => {
    const calls = mockActions({
      'plans.mine': () => ok({ year: 2026, deadline: '2026-11-15', reminderTemplateId: 't', slots: [{ subjectType: 'unit', subjectId: 'unit-001', subjectName: '区发展和改革局', streetId: 's', plan: null, timing: 'open' }] }),
      'plans.save': (input) => ok({ plan: plan({ text: input['text'] }) }),
      'plans.submit': () => ok({ plan: plan({ state: 'submitted', timing: 'onTime', submittedAt: '2026-11-01T02:00:00.000Z', firstSubmittedAt: '2026-11-01T02:00:00.000Z' }) }),
    });
    render(<PlanPage />);
    expect(await screen.findByText('请于 2026-11-15 前提交。')).toBeTruthy();
    fireEvent.change(document.querySelector('#plan-text-input')!, { target: { value: '一、共建目标 二、工作举措' } });
    await act(async () => {
      fireEvent.click(screen.getByText('提交方案'));
    });
    expect(await screen.findByText('已提交，等待党群共建办审阅')).toBeTruthy();
    expect(calls.inputsOf('plans.save')).toEqual([{ subjectType: 'unit', subjectId: 'unit-001', year: 2026, text: '一、共建目标 二、工作举措', attachments: [] }]);
    expect(calls.inputsOf('plans.submit')).toEqual([{ subjectType: 'unit', subjectId: 'unit-001', year: 2026 }]);
    expect(screen.queryByText('提交方案')).toBeNull();
  });

  it('shows a returned plan’s comments above the editor', async () => {
    mockActions({
      'plans.mine': () => ok({ year: 2026, deadline: '2026-11-15', reminderTemplateId: 't', slots: [{ subjectType: 'unit', subjectId: 'unit-001', subjectName: '区发展和改革局', streetId: 's', timing: 'onTime', plan: plan({ state: 'returned', timing: 'onTime', reviews: [{ at: '2026-11-02T02:00:00.000Z', byName: '孙丽', decision: 'return', comment: '请补充工青妇同步结对' }] }) }] }),
    });
    render(<PlanPage />);
    expect(await screen.findByText('孙丽退回了方案')).toBeTruthy();
    expect(screen.getByText('请补充工青妇同步结对')).toBeTruthy();
  });

  it('lists the office’s units with late and overdue first, and lets the district set the deadline', async () => {
    const slot = (id: string, timing: string, state: string | null) => ({ subjectType: 'unit', subjectId: id, subjectName: `单位${id}`, streetId: 's', timing, plan: state ? plan({ id: `plan-${id}`, state, timing }) : null });
    const calls = mockActions({
      'session.whoami': () => person('周涛', [{ role: 'districtOffice', scopeType: 'district', scopeId: 'district', scopeName: '龙岗区', approved: true }]),
      // In the function's order: those to chase first.
      'plans.list': () => ok({ year: 2026, deadline: '2026-11-15', canSetDeadline: true, counts: { open: 0, dueSoon: 0, overdue: 1, onTime: 1, late: 1 }, slots: [slot('b', 'overdue', null), slot('c', 'late', 'submitted'), slot('a', 'onTime', 'accepted')], page: { offset: 0, limit: 50, total: 3 } }),
      'plans.setDeadline': (input) => ok(input),
    });
    render(<PlansPage />);
    expect(await screen.findByText(/按时提交 1 · 逾期提交 1 · 逾期未交 1/)).toBeTruthy();
    const rows = Array.from(document.querySelectorAll('#plan-slots .link-row__text'), (node) => node.textContent);
    expect(rows).toEqual(['单位b', '单位c', '单位a']);
    expect(screen.getByText('逾期提交 · 已提交，待审阅')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('picker-deadline-picker'), { target: { value: '2026-11-30' } });
    expect(await screen.findByText('2026 年度截止日期已设为 2026-11-30')).toBeTruthy();
    expect(calls.inputsOf('plans.setDeadline')).toEqual([{ year: 2026, deadline: '2026-11-30' }]);
    fireEvent.click(screen.getByText('单位c'));
    expect(taro.navigateTo).toHaveBeenLastCalledWith({ url: '/pages-office/plan-review/index?id=plan-c' });
  });

  it('shows a page of many units with the counts of all, one timing at a time if asked, and turns pages', async () => {
    const slot = (index: number, timing: 'overdue' | 'onTime') => ({ subjectType: 'unit', subjectId: `u${index}`, subjectName: `单位${index}`, streetId: 's', timing, plan: null });
    const slots = [...Array.from({ length: 60 }, (_, index) => slot(index, 'overdue')), ...Array.from({ length: 40 }, (_, index) => slot(60 + index, 'onTime'))];
    const calls = mockActions({
      'session.whoami': () => person('周涛', [{ role: 'districtOffice', scopeType: 'district', scopeId: 'district', scopeName: '龙岗区', approved: true }]),
      'plans.list': (input) => {
        const listed = slots.filter((candidate) => input['timing'] === undefined || candidate.timing === input['timing']);
        const offset = Number(input['offset'] ?? 0);
        return ok({ year: 2026, deadline: '2026-11-15', canSetDeadline: false, counts: { open: 0, dueSoon: 0, overdue: 60, onTime: 40, late: 0 }, slots: listed.slice(offset, offset + 50), page: { offset, limit: 50, total: listed.length } });
      },
    });
    render(<PlansPage />);
    expect(await screen.findByText('各单位（100）')).toBeTruthy();
    expect(document.querySelectorAll('#plan-slots .link-row')).toHaveLength(50);
    expect(screen.getByText(/全部（100）/)).toBeTruthy();
    fireEvent.click(screen.getByText('下一页'));
    expect(await screen.findByText('单位50')).toBeTruthy();
    expect(document.querySelectorAll('#plan-slots .link-row')).toHaveLength(50);
    fireEvent.click(screen.getByText('按时提交（40）'));
    expect(await screen.findByText('各单位（40）')).toBeTruthy();
    expect(document.querySelectorAll('#plan-slots .link-row')).toHaveLength(40);
    expect(screen.queryByText('下一页')).toBeNull();
    expect(screen.getByText(/按时提交 40 · 逾期提交 0 · 逾期未交 60/)).toBeTruthy();
    fireEvent.click(screen.getByText('逾期提交（0）'));
    expect(await screen.findByText('没有逾期提交的单位。')).toBeTruthy();
    expect(calls.inputsOf('plans.list')).toEqual([{ subjectType: 'unit' }, { subjectType: 'unit', offset: 50 }, { subjectType: 'unit', timing: 'onTime' }, { subjectType: 'unit', timing: 'late' }]);
  });

  it('returns a plan with comments from the review page', async () => {
    taroControls.__setRouterParams({ id: 'plan-c' });
    let reviewed = false;
    const calls = mockActions({
      'session.whoami': () => person('孙丽', [{ role: 'streetOffice', scopeType: 'street', scopeId: 's', scopeName: '龙城街道', approved: true }]),
      'plans.get': () => ok({ plan: plan({ id: 'plan-c', state: reviewed ? 'returned' : 'submitted', timing: 'late', submittedAt: '2026-11-17T02:00:00.000Z' }), canReview: !reviewed, canEdit: false }),
      'plans.review': () => {
        reviewed = true;
        return ok({ plan: plan({ state: 'returned' }) });
      },
    });
    render(<PlanReviewPage />);
    expect(await screen.findByText(/逾期提交/)).toBeTruthy();
    fireEvent.change(document.querySelector('#review-comment-input')!, { target: { value: '请补充' } });
    fireEvent.click(screen.getByText('退回修改'));
    expect(await screen.findByText('已退回，单位会收到提醒')).toBeTruthy();
    expect(calls.inputsOf('plans.review')).toEqual([{ planId: 'plan-c', decision: 'return', comment: '请补充' }]);
  });
});
