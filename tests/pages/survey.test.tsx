import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import SurveyPage from '../../src/pages/survey/index';
import { fail, mockActions, ok, taro, taroControls } from './helpers';

const entry = 'ENTRYtoken_abcdefghij';
const items = [
  { id: 'visits', title: '到访指导', hint: '每月到企业走访' },
  { id: 'workStyle', title: '工作作风' },
];
const entryView = (overrides: Record<string, unknown> = {}) =>
  ok({ entry, roundLabel: '2026年年中评议', unitName: '区发展和改革局', orgName: '深圳华星光电科技有限公司', group: 'employees', phase: 'open', endDate: '2026-07-04', form: { version: 1, items }, codesRequired: false, eligibility: 'open', ...overrides });

function stored(): unknown {
  const raw = taroControls.__storage.get(`gj.survey.${entry}`);
  return raw === undefined ? undefined : JSON.parse(String(raw));
}

async function answerAll() {
  fireEvent.click(await screen.findByText('开始评议'));
  fireEvent.click(document.getElementById('choice-visits-satisfied')!);
  fireEvent.click(document.getElementById('choice-workStyle-basic')!);
}

describe('survey page (respondents)', () => {
  it('takes three screens: who and why, the questions, done — and keeps nothing of the answers afterwards', async () => {
    taroControls.__setRouterParams({ e: entry });
    const { inputsOf } = mockActions({ 'surveys.entry': () => entryView(), 'surveys.answer': () => ok({ counted: true, roundLabel: '2026年年中评议' }) });
    render(<SurveyPage />);
    expect(await screen.findByText('请评价 区发展和改革局')).toBeTruthy();
    expect(screen.getByText('匿名评议')).toBeTruthy();
    expect(screen.getByText(/共 2 题，约 1 分钟；截止 7月4日 24:00/)).toBeTruthy();

    await answerAll();
    expect(screen.getByText('已答 2/2')).toBeTruthy();
    expect(document.getElementById('choice-visits-satisfied')!.getAttribute('aria-label')).toBe('满意（已选）');
    fireEvent.change(document.querySelector('#field-comment-input')!, { target: { value: '希望多来走访' } });
    fireEvent.click(screen.getByText('提交评议'));
    expect(await screen.findByText('提交成功，感谢您的评价')).toBeTruthy();
    expect(inputsOf('surveys.answer')).toEqual([{ entry, formVersion: 1, answers: { visits: 'satisfied', workStyle: 'basic' }, comment: '希望多来走访', submission: expect.stringMatching(/^[\w-]{22}$/) }]);
    expect(stored()).toEqual({ done: 'counted', roundLabel: '2026年年中评议' });
    expect(JSON.stringify(stored())).not.toContain('satisfied');
  });

  it('resumes an interrupted survey where it stopped (answers kept on the phone)', async () => {
    taroControls.__setRouterParams({ e: entry });
    mockActions({ 'surveys.entry': () => entryView() });
    render(<SurveyPage />);
    fireEvent.click(await screen.findByText('开始评议'));
    fireEvent.click(document.getElementById('choice-visits-dissatisfied')!);
    fireEvent.change(document.querySelector('#field-comment-input')!, { target: { value: '还没写完' } });
    expect(stored()).toMatchObject({ step: 'questions', answers: { visits: 'dissatisfied' }, comment: '还没写完' });
    cleanup();

    render(<SurveyPage />);
    expect(await screen.findByText('已答 1/2')).toBeTruthy();
    expect(document.getElementById('choice-visits-dissatisfied')!.getAttribute('aria-label')).toBe('不满意（已选）');
    expect((document.querySelector('#field-comment-input') as HTMLTextAreaElement).value).toBe('还没写完');
  });

  it('keeps what was tapped while the survey was still coming (another instance of the page, as Taro h5 may mount at launch)', async () => {
    taroControls.__setRouterParams({ e: entry });
    let answer: (value: unknown) => void = () => undefined;
    mockActions({ 'surveys.entry': () => new Promise((resolve) => (answer = resolve)) as never });
    render(<SurveyPage />);
    // Meanwhile the person started on the instance that is shown: its progress is on the phone.
    taroControls.__storage.set(`gj.survey.${entry}`, JSON.stringify({ step: 'questions', formVersion: 1, answers: { visits: 'satisfied' }, comment: '', ballotCode: '' }));
    answer(entryView());
    expect(await screen.findByText('已答 1/2')).toBeTruthy();
    expect(screen.queryByText('开始评议')).toBeNull();
  });

  it('names the unanswered items before sending anything', async () => {
    taroControls.__setRouterParams({ e: entry });
    const { inputsOf } = mockActions({ 'surveys.entry': () => entryView() });
    render(<SurveyPage />);
    fireEvent.click(await screen.findByText('开始评议'));
    fireEvent.click(document.getElementById('choice-workStyle-satisfied')!);
    fireEvent.click(screen.getByText('提交评议'));
    expect(await screen.findByText('还有 1 题未作答（第 1 题起）')).toBeTruthy();
    expect(document.getElementById('item-visits')!.className).toContain('survey-item--error');
    expect(inputsOf('surveys.answer')).toHaveLength(0);
  });

  it('tells a second attempt politely that it already counted', async () => {
    taroControls.__setRouterParams({ e: entry });
    mockActions({ 'surveys.entry': () => entryView(), 'surveys.answer': () => fail('ALREADY_DONE', '您已参加过本次评议，答卷已计入，谢谢！') });
    render(<SurveyPage />);
    await answerAll();
    fireEvent.click(screen.getByText('提交评议'));
    expect(await screen.findByText('您已参加过本次评议')).toBeTruthy();
    expect(screen.getByText('您已参加过本次评议，答卷已计入，谢谢！')).toBeTruthy();
    expect(screen.queryByText('出错了')).toBeNull();
    cleanup();
    // Opening the link again on this phone shows the same, without asking the server.
    const again = mockActions({});
    render(<SurveyPage />);
    expect(await screen.findByText('您已参加过本次评议')).toBeTruthy();
    expect(again.fetch).not.toHaveBeenCalled();
  });

  it('tells someone who already answered, or who belongs to the evaluated unit, when the survey opens — before any question', async () => {
    taroControls.__setRouterParams({ e: entry });
    const answered = mockActions({ 'surveys.entry': () => entryView({ eligibility: 'answered' }) });
    render(<SurveyPage />);
    expect(await screen.findByText('您已参加过本次评议')).toBeTruthy();
    expect(screen.queryByText('开始评议')).toBeNull();
    expect(answered.inputsOf('surveys.answer')).toEqual([]);
    cleanup();
    localStorage.clear();
    mockActions({ 'surveys.entry': () => entryView({ eligibility: 'ownUnit' }) });
    render(<SurveyPage />);
    expect(await screen.findByText('您不能评议本单位')).toBeTruthy();
    expect(screen.queryByText('开始评议')).toBeNull();
  });

  it('refuses a late answer with a clear message and shows a closed round as closed', async () => {
    taroControls.__setRouterParams({ e: entry });
    mockActions({ 'surveys.entry': () => entryView(), 'surveys.answer': () => fail('EXPIRED', '本次评议已于 7月4日 24:00 结束，不再接收答卷') });
    render(<SurveyPage />);
    await answerAll();
    fireEvent.click(screen.getByText('提交评议'));
    expect(await screen.findByText('本次评议已结束')).toBeTruthy();
    expect(screen.getByText('本次评议已于 7月4日 24:00 结束，不再接收答卷')).toBeTruthy();
    cleanup();
    mockActions({ 'surveys.entry': () => entryView({ phase: 'closed' }) });
    render(<SurveyPage />);
    expect(await screen.findByText('评议已截止，不再接收答卷。')).toBeTruthy();
  });

  it('asks for a ballot code when the group requires one, and shows a wrong code at the field', async () => {
    taroControls.__setRouterParams({ e: entry });
    const { inputsOf } = mockActions({
      'surveys.entry': () => entryView({ group: 'owner', codesRequired: true }),
      'surveys.answer': () => fail('INVALID_INPUT', '评议码无效，请核对后重新输入（注意不要输错分组）', 'ballotCode'),
    });
    render(<SurveyPage />);
    fireEvent.click(await screen.findByText('开始评议'));
    expect(await screen.findByText('本组凭评议码作答，请先输入评议码')).toBeTruthy();
    fireEvent.change(document.querySelector('#field-ballotCode-input')!, { target: { value: '0a1b2-c3d4e' } });
    await answerAll();
    fireEvent.click(screen.getByText('提交评议'));
    expect(await screen.findByText('评议码无效，请核对后重新输入（注意不要输错分组）')).toBeTruthy();
    expect(document.getElementById('field-ballotCode')!.className).toContain('form-field--error');
    expect(inputsOf('surveys.answer')[0]).toMatchObject({ ballotCode: '0a1b2-c3d4e' });
    // back on screen 1 with the answers kept
    expect(screen.getByText('继续答题')).toBeTruthy();
  });

  it('offers the local demo sign-in in h5 when nobody is signed in, coming back to the survey', async () => {
    taroControls.__setRouterParams({ e: entry });
    mockActions({ 'surveys.entry': () => entryView(), 'surveys.answer': () => fail('UNAUTHENTICATED', '请在微信中打开评议链接，或输入评议码后作答') });
    render(<SurveyPage />);
    await answerAll();
    fireEvent.click(screen.getByText('提交评议'));
    fireEvent.click(await screen.findByText('本地演示：登录后作答'));
    expect(taro.redirectTo).toHaveBeenCalledWith({ url: `/pages/local-signin/index?redirect=${encodeURIComponent(`/pages/survey/index?e=${entry}`)}` });
    expect(stored()).toMatchObject({ answers: { visits: 'satisfied', workStyle: 'basic' } });
  });

  it('reads the entry from a mini-program code’s scene in weapp, and says so when the link is broken', async () => {
    process.env.TARO_ENV = 'weapp';
    try {
      taroControls.__setRouterParams({ scene: entry });
      const callFunction = (taro.cloud.callFunction as jest.Mock).mockResolvedValue({ result: entryView() });
      render(<SurveyPage />);
      expect(await screen.findByText('请评价 区发展和改革局')).toBeTruthy();
      expect(callFunction).toHaveBeenCalledWith({ name: 'surveys', data: { action: 'surveys.entry', input: { entry } } });
      cleanup();
      taroControls.__setRouterParams({});
      render(<SurveyPage />);
      expect(screen.getByText('链接不完整')).toBeTruthy();
    } finally {
      process.env.TARO_ENV = 'h5';
    }
  });
});
