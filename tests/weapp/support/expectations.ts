import { describeProblems, limitViolations } from './limits';
import type { Phone } from './phone';

/** Where a phone's records stood at some moment: a journey step is judged on what came after. */
export interface Checkpoint {
  readonly phone: Phone;
  readonly renders: number;
  readonly problems: number;
  readonly refusals: number;
}

export function checkpoint(phone: Phone): Checkpoint {
  const { program } = phone;
  return { phone, renders: program.renders.length, problems: program.problems.length, refusals: program.record.refusals.length };
}

/**
 * What every journey asserts about a phone, as WeChat's audit and runtime would judge it: nothing
 * thrown or logged by the page code, no API refused, every setData ≤ 256 KB and ≤ 20 a second,
 * fewer than 1,000 nodes on every screen. With checkpoints, only what happened since them.
 */
export function expectWeChatHealthy(...phones: Array<Phone | Checkpoint>): void {
  for (const item of phones) {
    const from: Checkpoint = 'phone' in item ? item : { phone: item, renders: 0, problems: 0, refusals: 0 };
    const { program, openid } = from.phone;
    expect({
      openid,
      problems: describeProblems(program.problems.slice(from.problems)),
      refusals: program.record.refusals.slice(from.refusals).map((refusal) => refusal.errMsg),
      limits: limitViolations(program.renders.slice(from.renders)),
    }).toEqual({ openid, problems: [], refusals: [], limits: [] });
  }
}
