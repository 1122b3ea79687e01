import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { callWithRetry, newSubmissionToken } from '../../src/client/retryAction';
import type { Timer } from '../../src/client/retryAction';
import type { ActionResult } from '../../src/contract/result';
import SurveyPage from '../../src/pages/survey/index';
import { mockActions, ok, settle, taroControls } from './helpers';

const entry = 'ENTRYtoken_retryabcdef';
const items = [{ id: 'visits', title: '到访指导' }];
const entryView = () => ok({ entry, roundLabel: '2026年年中评议', unitName: '区发展和改革局', orgName: '深圳华星光电科技有限公司', group: 'employees', phase: 'open', endDate: '2026-07-04', form: { version: 1, items }, codesRequired: false, eligibility: 'open' });
const answerInput = { entry, formVersion: 1, answers: { visits: 'satisfied' as const }, submission: 'abcdefghijklmnopqrstuv' };

/** A timer that fires only when the test says so: nothing here waits for a real clock. */
function manualTimers() {
  const pending: Array<{ ms: number; fire: () => void }> = [];
  const timer = (ms: number): Timer => {
    let fire = () => {};
    const done = new Promise<void>((resolve) => {
      fire = resolve;
    });
    const handle = { ms, fire };
    pending.push(handle);
    return { done, cancel: () => pending.splice(pending.indexOf(handle), 1) };
  };
  return { timer, pending };
}

afterEach(() => {
  cleanup();
  taroControls.__storage.clear();
});

describe('re-sending a survey answer', () => {
  it('re-sends the same input after a try that never answers (timeout), and stops at the first answer', async () => {
    const { timer, pending } = manualTimers();
    const inputs: unknown[] = [];
    let resolveFirst: (result: ActionResult<unknown>) => void = () => {};
    const call = jest
      .fn()
      .mockImplementationOnce((_action: string, input: unknown) => {
        inputs.push(input);
        return new Promise((resolve) => {
          resolveFirst = resolve;
        });
      })
      .mockImplementationOnce((_action: string, input: unknown) => {
        inputs.push(input);
        return Promise.resolve(ok({ counted: true, roundLabel: '2026年年中评议' }));
      });
    const result = callWithRetry('surveys.answer', answerInput, { timer, call: call as never, timeoutMs: 15_000, backoffMs: () => 500 });
    await Promise.resolve();
    // the first try hangs: its timeout fires, then the backoff, then the second try answers
    expect(pending.map((handle) => handle.ms)).toEqual([15_000]);
    pending[0]!.fire();
    await settle();
    expect(pending.map((handle) => handle.ms)).toEqual([500]);
    pending[0]!.fire();
    expect(await result).toEqual(ok({ counted: true, roundLabel: '2026年年中评议' }));
    resolveFirst({ ok: true, data: { counted: true, roundLabel: 'late' } });
    expect(inputs).toEqual([answerInput, answerInput]);
    expect(call).toHaveBeenCalledTimes(2);
  });

  it('does not re-send what the server refused for good (already answered, closed, invalid)', async () => {
    const call = jest.fn().mockResolvedValue({ ok: false, error: { code: 'ALREADY_DONE', message: '您已参加过本次评议，答卷已计入，谢谢！' } });
    const result = await callWithRetry('surveys.answer', answerInput, { timer: manualTimers().timer, call: call as never });
    expect(result.ok).toBe(false);
    expect(call).toHaveBeenCalledTimes(1);
  });

  it('makes a new random token for each submission', () => {
    const tokens = new Set(Array.from({ length: 50 }, () => newSubmissionToken()));
    expect(tokens.size).toBe(50);
    for (const token of tokens) expect(token).toMatch(/^[\w-]{22}$/);
  });

  it('ends on the success screen when the first answer was lost on the way back, sending the same submission twice', async () => {
    taroControls.__setRouterParams({ e: entry });
    const received: Array<Record<string, unknown>> = [];
    mockActions({
      'surveys.entry': () => entryView(),
      'surveys.answer': (input) => {
        received.push(input);
        // the first answer reaches the server, but its response is lost (the handler's throw fails the fetch)
        if (received.length === 1) throw new TypeError('Failed to fetch');
        return ok({ counted: true, roundLabel: '2026年年中评议' });
      },
    });
    render(<SurveyPage />);
    fireEvent.click(await screen.findByText('开始评议'));
    fireEvent.click(document.getElementById('choice-visits-satisfied')!);
    fireEvent.click(screen.getByText('提交评议'));
    expect(await screen.findByText('提交成功，感谢您的评价', undefined, { timeout: 4000 })).toBeTruthy();
    expect(received).toHaveLength(2);
    expect(received[0]!.submission).toMatch(/^[\w-]{22}$/);
    expect(received[1]).toEqual(received[0]);
    expect(screen.queryByText(/已参加过/)).toBeNull();
  });
});
