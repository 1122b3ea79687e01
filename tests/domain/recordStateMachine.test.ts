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
