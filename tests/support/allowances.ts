/**
 * Subscription allowances the test set-up grants, as if each demo person had tapped "允许" on WeChat's
 * dialog. The local cloud refuses every send without one (43101, as WeChat does), so tests that expect a
 * message to arrive start from these. Each entry says whether the product asks for the allowance at a
 * tap today: those marked `asked: false` are allowances no page asks for yet (issue 11, "fix what they
 * reveal"): the set-up grants them explicitly so those tests keep checking the message itself, and the
 * list shows what the product still has to ask for.
 */
import { templates } from '../../server/messaging/templates';
import type { LocalCloud } from '../../localcloud';

export interface TestAllowance {
  readonly template: keyof typeof templates;
  /** Where the product asks for it, or why it does not yet. */
  readonly asked: boolean;
  readonly where: string;
}

export const testAllowances: readonly TestAllowance[] = [
  { template: 'feedbackReply', asked: true, where: '投诉建议页：提交时在点击中请求' },
  { template: 'planReminder', asked: true, where: '工作方案页：“截止前提醒我”' },
  { template: 'confirmRequest', asked: false, where: '只在组织负责人第一次确认之后才请求：第一条“待确认”提醒没有许可' },
  { template: 'cadenceReminder', asked: false, where: '没有任何页面请求：到访、联合活动提醒没有许可' },
  { template: 'recordResult', asked: true, where: '记录页：“提交确认”时在点击中请求' },
];

/** Sends each person may receive per template: enough taps' worth for every send of a test file. */
export const ALLOWANCES_PER_TEMPLATE = 50;

/** Grant every person (by openid) the allowances above. */
export function grantTestAllowances(cloud: LocalCloud, openids: readonly string[]): void {
  for (const openid of openids) {
    for (const allowance of testAllowances) cloud.subscriptions.grant(openid, templates[allowance.template].id, ALLOWANCES_PER_TEMPLATE);
  }
}
