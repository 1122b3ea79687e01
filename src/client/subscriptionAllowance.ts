import Taro from '@tarojs/taro';

/** What WeChat's subscription dialog answered, per template id. */
export type SubscriptionAnswers = Readonly<Record<string, 'accept' | 'reject'>>;

/** WeChat's dialog shows at most 3 templates per ask. */
const MAX_TEMPLATES = 3;

/**
 * Ask the person to allow these subscription messages. Must run inside a tap (WeChat refuses it
 * otherwise). weapp shows WeChat's own dialog, which records the allowances in WeChat; h5 runs against
 * the local cloud, which has no dialog: the tap counts as "允许" and the answers are reported to the local
 * cloud, so that its quota (one allowance, one message) is the same as WeChat's. Never throws: a failure
 * answers "reject" for every template.
 */
export async function requestSubscriptions(templateIds: readonly string[]): Promise<SubscriptionAnswers> {
  const ids = [...new Set(templateIds)].slice(0, MAX_TEMPLATES);
  const rejected = Object.fromEntries(ids.map((id) => [id, 'reject' as const]));
  if (ids.length === 0) return {};
  if (process.env.TARO_ENV === 'weapp') {
    try {
      const res = (await Taro.requestSubscribeMessage({ tmplIds: ids, entityIds: [] })) as unknown as Record<string, string>;
      return Object.fromEntries(ids.map((id) => [id, res[id] === 'accept' ? 'accept' : 'reject']));
    } catch {
      return rejected;
    }
  }
  const accepted = Object.fromEntries(ids.map((id) => [id, 'accept' as const]));
  try {
    const res = await fetch('/__local/subscriptions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify({ answers: accepted }),
    });
    return res.ok ? accepted : rejected;
  } catch {
    return rejected;
  }
}
