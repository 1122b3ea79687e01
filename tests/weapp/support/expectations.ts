import type { Phone } from './phone';

/**
 * What every journey asserts about a phone, as WeChat's audit and runtime would judge it: nothing
 * thrown or logged by the page code, no API refused, every setData ≤ 256 KB and ≤ 20 a second,
 * fewer than 1,000 nodes on every screen.
 */
export function expectWeChatHealthy(...phones: Phone[]): void {
  for (const phone of phones) {
    expect({ openid: phone.openid, problems: phone.problems, refusals: phone.refusals.map((refusal) => refusal.errMsg), limits: phone.violations }).toEqual({
      openid: phone.openid,
      problems: [],
      refusals: [],
      limits: [],
    });
  }
}
