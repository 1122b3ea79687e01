import type { Choice, SurveyForm } from './form';
import { choiceIds } from './form';

export type AnswerCheck =
  | { readonly ok: true; readonly choices: Readonly<Record<string, Choice>> }
  | { readonly ok: false; readonly field: string; readonly message: string };

/** Every item of the form answered with one of its three choices, and nothing else. */
export function checkAnswers(form: SurveyForm, answers: Readonly<Record<string, string>>): AnswerCheck {
  const ids = new Set(form.items.map((item) => item.id));
  for (const id of Object.keys(answers)) {
    if (!ids.has(id)) return { ok: false, field: `answers.${id}`, message: '问卷已更新，请刷新后重新作答' };
  }
  const choices: Record<string, Choice> = {};
  for (const [index, item] of form.items.entries()) {
    const value = answers[item.id];
    if (value === undefined) return { ok: false, field: `answers.${item.id}`, message: `请回答第 ${index + 1} 题：${item.title}` };
    if (!(choiceIds as readonly string[]).includes(value)) return { ok: false, field: `answers.${item.id}`, message: `第 ${index + 1} 题请选择满意、基本满意或不满意` };
    choices[item.id] = value as Choice;
  }
  return { ok: true, choices };
}

/** How many items of the form are answered (for the progress line). */
export function answeredCount(form: SurveyForm, answers: Readonly<Record<string, string | undefined>>): number {
  return form.items.filter((item) => answers[item.id] !== undefined).length;
}
