/**
 * The life of a record (积分行动记录本条目):
 * draft → submitted → confirmed | disputed (with a reason) → revised → submitted again.
 * A confirmed record is locked: a correction starts a new revision that needs confirming again.
 * While it waits, the author may withdraw it (submitted → revised, same revision) to change it and send it again.
 */
export const recordStates = {
  draft: '草稿',
  submitted: '待确认',
  confirmed: '已确认',
  disputed: '有异议',
  revised: '修改中',
} as const;
export type RecordState = keyof typeof recordStates;
export const recordStateIds = Object.keys(recordStates) as RecordState[];

export type RecordEvent = 'edit' | 'submit' | 'confirm' | 'dispute' | 'revise' | 'withdraw';

/** Who may fire an event: the unit side that writes the record, or the org's party leader. */
export const eventActor: Record<RecordEvent, 'author' | 'orgLeader'> = {
  edit: 'author',
  submit: 'author',
  confirm: 'orgLeader',
  dispute: 'orgLeader',
  revise: 'author',
  withdraw: 'author',
};

const transitions: Record<RecordState, Partial<Record<RecordEvent, RecordState>>> = {
  draft: { edit: 'draft', submit: 'submitted' },
  submitted: { confirm: 'confirmed', dispute: 'disputed', withdraw: 'revised' },
  confirmed: { revise: 'revised' },
  disputed: { revise: 'revised' },
  revised: { edit: 'revised', submit: 'submitted' },
};

export type Transition = { readonly ok: true; readonly to: RecordState } | { readonly ok: false; readonly reason: string };

export function transition(from: RecordState, event: RecordEvent): Transition {
  const to = transitions[from][event];
  if (to !== undefined) return { ok: true, to };
  return { ok: false, reason: refusal(from, event) };
}

/** Whether the record's content can be changed without starting a new revision. */
export function isEditable(state: RecordState): boolean {
  return state === 'draft' || state === 'revised';
}

/** Chinese explanation of why an event is not possible now. */
function refusal(from: RecordState, event: RecordEvent): string {
  if (from === 'confirmed' && (event === 'edit' || event === 'submit')) return '记录已确认并锁定；如需更正，请发起修改（新版本需重新确认）';
  if (from === 'confirmed' && (event === 'confirm' || event === 'dispute')) return '这条记录已经确认过了';
  if (from === 'disputed' && (event === 'confirm' || event === 'dispute')) return '这条记录已提出异议，待单位修改后再确认';
  if ((event === 'confirm' || event === 'dispute') && (from === 'draft' || from === 'revised')) return '记录尚未提交，暂不能确认';
  if (from === 'submitted' && (event === 'edit' || event === 'submit' || event === 'revise')) return '记录正等待确认；如需修改，请先撤回';
  if (event === 'withdraw') return from === 'confirmed' ? '记录已确认，不能撤回；如需更正，请发起修改' : '只有等待确认的记录才能撤回';
  return `当前状态“${recordStates[from]}”下不能进行此操作`;
}
