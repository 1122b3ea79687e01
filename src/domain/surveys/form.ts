/**
 * The evaluation form (评议表). The notice's appendix 4 was not published with it, so the form below
 * is a configurable default: offices edit a round's copy while the round is a draft; every edit makes
 * a new version, and the version is frozen when the round opens.
 */
export const choiceIds = ['satisfied', 'basic', 'dissatisfied'] as const;
export type Choice = (typeof choiceIds)[number];
export const choiceLabels: Record<Choice, string> = { satisfied: '满意', basic: '基本满意', dissatisfied: '不满意' };

export interface FormItem {
  /** Stable within a round; used as a field name of the tallies (letters and digits only). */
  readonly id: string;
  readonly title: string;
  readonly hint?: string;
}

export interface SurveyForm {
  /** Goes up by one with every edit; answers name the version they were given. */
  readonly version: number;
  readonly items: readonly FormItem[];
}

export const FORM_LIMITS = { minItems: 1, maxItems: 12, titleMin: 2, titleMax: 40, hintMax: 80 } as const;
export const ITEM_ID_PATTERN = /^[a-z][A-Za-z0-9]{0,23}$/;

/** The default form: the notice's work, one item each (三、共建内容 and the 一月一到访、一季一活动 cadence). */
export const DEFAULT_FORM_ITEMS: readonly FormItem[] = [
  { id: 'visits', title: '到访指导', hint: '每月到企业（组织）走访，指导党群组织建设' },
  { id: 'jointActivities', title: '联合活动', hint: '每季度牵头开展双方党群组织的联合活动' },
  { id: 'partyMassHelp', title: '帮助党群组织建设', hint: '帮助健全党群组织、完善制度、开展活动' },
  { id: 'employeeCare', title: '关爱党员和员工', hint: '帮扶困难员工，开展“七一”、春节慰问' },
  { id: 'practicalProblems', title: '帮助解决实际问题', hint: '为企业发展建言献策，协调解决实际困难' },
  { id: 'workStyle', title: '工作作风', hint: '服务意识、工作效率和工作作风' },
];

export function defaultForm(): SurveyForm {
  return { version: 1, items: DEFAULT_FORM_ITEMS.map((item) => ({ ...item })) };
}

export interface ItemDraft {
  /** Absent for a new item. */
  readonly id?: string;
  readonly title: string;
  readonly hint?: string;
}

export interface FormProblem {
  readonly field: string;
  readonly message: string;
}

/**
 * The next version of a draft round's form: items keep their ids, new items get fresh ones.
 * Answers a problem (with the field it is about) instead when the items are not a valid form.
 */
export function reviseForm(current: SurveyForm, drafts: readonly ItemDraft[]): { readonly form: SurveyForm } | { readonly problem: FormProblem } {
  if (drafts.length < FORM_LIMITS.minItems) return { problem: { field: 'items', message: '问卷至少要有 1 题' } };
  if (drafts.length > FORM_LIMITS.maxItems) return { problem: { field: 'items', message: `问卷最多 ${FORM_LIMITS.maxItems} 题` } };
  const known = new Set(current.items.map((item) => item.id));
  const used = new Set<string>();
  const titles = new Set<string>();
  for (const [index, draft] of drafts.entries()) {
    const title = draft.title.trim();
    const field = `items.${index}.title`;
    if ([...title].length < FORM_LIMITS.titleMin) return { problem: { field, message: `第 ${index + 1} 题的题目太短` } };
    if ([...title].length > FORM_LIMITS.titleMax) return { problem: { field, message: `题目不能超过 ${FORM_LIMITS.titleMax} 字` } };
    if (titles.has(title)) return { problem: { field, message: `第 ${index + 1} 题与前面的题目重复` } };
    titles.add(title);
    if ((draft.hint ?? '').trim().length > FORM_LIMITS.hintMax) return { problem: { field: `items.${index}.hint`, message: `说明不能超过 ${FORM_LIMITS.hintMax} 字` } };
    if (draft.id !== undefined) {
      if (!known.has(draft.id) || used.has(draft.id)) return { problem: { field: `items.${index}.id`, message: '题目编号无效，请刷新后再编辑' } };
      used.add(draft.id);
    }
  }
  const taken = new Set([...known, ...used]);
  const items = drafts.map((draft): FormItem => {
    const id = draft.id ?? freshItemId(taken);
    taken.add(id);
    const hint = draft.hint?.trim();
    return hint ? { id, title: draft.title.trim(), hint } : { id, title: draft.title.trim() };
  });
  return { form: { version: current.version + 1, items } };
}

function freshItemId(taken: ReadonlySet<string>): string {
  for (let n = 1; ; n += 1) {
    const id = `q${n}`;
    if (!taken.has(id)) return id;
  }
}
