import type { RecordEvent, RecordState } from '../../src/domain/records/stateMachine';
import { isEditable, transition } from '../../src/domain/records/stateMachine';

const states: RecordState[] = ['draft', 'submitted', 'confirmed', 'disputed', 'revised'];
const events: RecordEvent[] = ['edit', 'submit', 'confirm', 'dispute', 'revise'];

const allowed: Record<string, RecordState> = {
  'draft:edit': 'draft',
  'draft:submit': 'submitted',
  'submitted:confirm': 'confirmed',
  'submitted:dispute': 'disputed',
  'confirmed:revise': 'revised',
  'disputed:revise': 'revised',
  'revised:edit': 'revised',
  'revised:submit': 'submitted',
};

describe('record state machine', () => {
  it.each(states.flatMap((state) => events.map((event) => [state, event] as const)))('%s + %s', (state, event) => {
    const result = transition(state, event);
    const expected = allowed[`${state}:${event}`];
    if (expected) {
      expect(result).toEqual({ ok: true, to: expected });
    } else {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.reason).toMatch(/[\u4e00-\u9fa5]/);
    }
  });

  it('locks a confirmed record and explains how to correct it', () => {
    const edit = transition('confirmed', 'edit');
    expect(edit.ok).toBe(false);
    if (!edit.ok) expect(edit.reason).toContain('已确认并锁定');
    expect(isEditable('confirmed')).toBe(false);
    expect(isEditable('submitted')).toBe(false);
    expect(isEditable('draft')).toBe(true);
    expect(isEditable('revised')).toBe(true);
  });

  it('round-trips a dispute: submitted → disputed → revised → submitted → confirmed', () => {
    let state: RecordState = 'submitted';
    for (const event of ['dispute', 'revise', 'submit', 'confirm'] as const) {
      const step = transition(state, event);
      if (!step.ok) throw new Error(step.reason);
      state = step.to;
    }
    expect(state).toBe('confirmed');
  });
});

import { changedFields, recordDateProblem } from '../../src/domain/records/rules';
import { fitText } from '../../src/domain/text/fit';
import { chinaInstant } from '../../src/domain/time/chinaTime';

describe('record rules', () => {
  const term = { year: 2026, startDate: '2026-01-01', endDate: null };
  const now = chinaInstant(2026, 11, 29, 0, 30);

  it('accepts today on the China calendar even when it is still yesterday in UTC', () => {
    expect(now.toISOString()).toBe('2026-11-28T16:30:00.000Z');
    expect(recordDateProblem('2026-11-29', term, now)).toBeUndefined();
  });

  it('refuses a future date, a date of another year and a date outside the pairing term', () => {
    expect(recordDateProblem('2026-11-30', term, now)).toBe('日期不能晚于今天');
    expect(recordDateProblem('2025-12-31', term, now)).toBe('日期须在结对年度（2026年）内');
    expect(recordDateProblem('2026-03-01', { ...term, startDate: '2026-06-01' }, now)).toBe('日期不在结对期内');
    expect(recordDateProblem('2026-09-01', { ...term, endDate: '2026-08-31' }, now)).toBe('日期不在结对期内');
  });

  it('names the fields that changed', () => {
    expect(changedFields({ a: 1, b: [1], c: 'x' }, { a: 1, b: [2], c: 'y' }, ['a', 'b', 'c'])).toEqual(['b', 'c']);
  });

  it('fits text into WeChat field lengths by characters', () => {
    expect(fitText('深圳华星光电科技有限公司党支部联合主题党日活动', 20)).toBe('深圳华星光电科技有限公司党支部联合主题…');
    expect([...fitText('深圳华星光电科技有限公司党支部联合主题党日活动', 20)]).toHaveLength(20);
    expect(fitText('  一月一到访  ', 20)).toBe('一月一到访');
  });
});
