/**
 * Every subscription-message template (订阅消息模板) the functions send, in one table: its id (from
 * the WeChat console, set as an environment variable of the functions; the local cloud uses the
 * placeholder), its fields with WeChat's limits, and the page each message opens.
 */
import { linkedPages } from '../../src/contract/pages';

export type FieldKind = 'thing' | 'date' | 'phrase' | 'name' | 'number' | 'character_string';

/** Characters WeChat accepts per field kind (47003 beyond). */
export const fieldLimits: Record<FieldKind, number> = { thing: 20, date: 20, phrase: 5, name: 10, number: 32, character_string: 32 };

export interface TemplateField {
  readonly key: string;
  readonly kind: FieldKind;
  /** What the field says, in Chinese (the deploy guide). */
  readonly label: string;
}

export interface MessageTemplate<F extends string = string> {
  readonly name: string;
  /** The template's title in 公共模板库. */
  readonly title: string;
  readonly purpose: string;
  readonly envVar: string;
  readonly id: string;
  /** The page the message opens (no leading slash, as WeChat requires); a query is added per message. */
  readonly page: string;
  readonly fields: readonly (TemplateField & { readonly key: F })[];
}

function template<F extends string>(spec: Omit<MessageTemplate<F>, 'id'>): MessageTemplate<F> {
  return { ...spec, id: process.env[spec.envVar] ?? `local-${spec.name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}` };
}

export const templates = {
  /** 待确认提醒 — a record waits for the org's party leader; opens the confirm page with the link's token or the record's id. */
  confirmRequest: template<'thing1' | 'thing2' | 'date3' | 'thing4'>({
    name: 'confirmRequest',
    title: '待确认提醒',
    purpose: '记录待确认提醒（发给“两新”组织党组织负责人）',
    envVar: 'GJ_TEMPLATE_CONFIRM_REQUEST',
    page: linkedPages.confirm,
    fields: [
      { key: 'thing1', kind: 'thing', label: '事项' },
      { key: 'thing2', kind: 'thing', label: '单位' },
      { key: 'date3', kind: 'date', label: '日期' },
      { key: 'thing4', kind: 'thing', label: '备注' },
    ],
  }),
  /** 到访提醒 — this month's visit or this quarter's activity is still open near its end. */
  cadenceReminder: template<'thing1' | 'thing2' | 'date3'>({
    name: 'cadenceReminder',
    title: '到期提醒',
    purpose: '到访/联合活动即将到期提醒（发给单位工作人员）',
    envVar: 'GJ_TEMPLATE_CADENCE_REMINDER',
    page: linkedPages.home,
    fields: [
      { key: 'thing1', kind: 'thing', label: '事项' },
      { key: 'thing2', kind: 'thing', label: '结对组织' },
      { key: 'date3', kind: 'date', label: '截止日期' },
    ],
  }),
  /** 工作提醒 — a work plan's deadline is near, or a plan was returned. */
  planReminder: template<'thing1' | 'thing2' | 'date3' | 'thing4'>({
    name: 'planReminder',
    title: '工作提醒',
    purpose: '工作方案截止前提醒、方案退回通知（发给单位人员和街道共建办）',
    envVar: 'GJ_TEMPLATE_PLAN_REMINDER',
    page: linkedPages.plan,
    fields: [
      { key: 'thing1', kind: 'thing', label: '事项' },
      { key: 'thing2', kind: 'thing', label: '单位' },
      { key: 'date3', kind: 'date', label: '截止日期' },
      { key: 'thing4', kind: 'thing', label: '备注' },
    ],
  }),
  /** 投诉建议答复通知 — an office answered a complaint or suggestion. */
  feedbackReply: template<'thing1' | 'thing2' | 'date3'>({
    name: 'feedbackReply',
    title: '投诉建议答复通知',
    purpose: '投诉建议答复通知（发给提出人）',
    envVar: 'GJ_TEMPLATE_FEEDBACK_REPLY',
    page: linkedPages.feedback,
    fields: [
      { key: 'thing1', kind: 'thing', label: '事项' },
      { key: 'thing2', kind: 'thing', label: '答复内容' },
      { key: 'date3', kind: 'date', label: '答复日期' },
    ],
  }),
  /** 审核结果通知 — the org's party leader confirmed or disputed a record; sent to its author, who allowed it when submitting. */
  recordResult: template<'thing1' | 'date2' | 'phrase3' | 'name4' | 'thing5'>({
    name: 'recordResult',
    title: '审核结果通知',
    purpose: '记录确认结果通知（已确认/有异议，发给提交记录的单位人员）',
    envVar: 'GJ_TEMPLATE_RECORD_RESULT',
    page: linkedPages.record,
    fields: [
      { key: 'thing1', kind: 'thing', label: '事项' },
      { key: 'date2', kind: 'date', label: '记录日期' },
      { key: 'phrase3', kind: 'phrase', label: '结果' },
      { key: 'name4', kind: 'name', label: '处理人' },
      { key: 'thing5', kind: 'thing', label: '备注' },
    ],
  }),
} as const;

export type TemplateName = keyof typeof templates;

/** `formal` in the released mini-program; `developer` / `trial` while testing. */
export const miniprogramState = process.env.GJ_MINIPROGRAM_STATE ?? 'formal';

/** The deploy guide's table of templates, generated from the table above. */
export function templateTable(): string {
  return [
    '| 用途 | 环境变量 | 字段 |',
    '| --- | --- | --- |',
    ...Object.values(templates).map((found) => `| ${found.purpose} | \`${found.envVar}\` | ${found.fields.map((field) => `\`${field.key}\` ${field.label}`).join('、')} |`),
  ].join('\n');
}
