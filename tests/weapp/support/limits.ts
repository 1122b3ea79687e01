import type { Problem, RenderRecord } from './miniProgram';

/** WeChat's audit yardsticks for a page (DevTools 体验评分 and the review guidelines). */
export const WECHAT_LIMITS = {
  setDataBytes: 256 * 1024,
  setDataPerSecond: 20,
  /** Fewer than this many nodes on a page. */
  nodesPerPage: 1000,
} as const;

export interface PageFigures {
  readonly route: string;
  readonly pageId: number;
  readonly setDataCalls: number;
  readonly largestSetDataBytes: number;
  readonly totalSetDataBytes: number;
  /** Most setData calls inside any one-second window. */
  readonly maxSetDataPerSecond: number;
  readonly maxElements: number;
  /** Text nodes are not elements (not counted against the limit), reported beside them. */
  readonly maxTextNodes: number;
  readonly finalElements: number;
  readonly maxDepth: number;
}

export function figuresOf(renders: readonly RenderRecord[]): PageFigures[] {
  const byPage = new Map<number, RenderRecord[]>();
  for (const render of renders) byPage.set(render.pageId, [...(byPage.get(render.pageId) ?? []), render]);
  return [...byPage.values()].map((list) => {
    let maxPerSecond = 0;
    for (let start = 0, end = 0; end < list.length; end += 1) {
      while (list[end]!.at - list[start]!.at >= 1000) start += 1;
      maxPerSecond = Math.max(maxPerSecond, end - start + 1);
    }
    return {
      route: list[0]!.route,
      pageId: list[0]!.pageId,
      setDataCalls: list.length,
      largestSetDataBytes: Math.max(...list.map((render) => render.bytes)),
      totalSetDataBytes: list.reduce((sum, render) => sum + render.bytes, 0),
      maxSetDataPerSecond: maxPerSecond,
      maxElements: Math.max(...list.map((render) => render.elements)),
      maxTextNodes: Math.max(...list.map((render) => render.textNodes)),
      finalElements: list[list.length - 1]!.elements,
      maxDepth: Math.max(...list.map((render) => render.depth)),
    };
  });
}

/** Every way the recorded pages break WeChat's yardsticks, one line each (empty: none). */
export function limitViolations(renders: readonly RenderRecord[]): string[] {
  const violations: string[] = [];
  for (const page of figuresOf(renders)) {
    if (page.largestSetDataBytes > WECHAT_LIMITS.setDataBytes) violations.push(`${page.route}: a setData of ${page.largestSetDataBytes} bytes (limit ${WECHAT_LIMITS.setDataBytes})`);
    if (page.maxSetDataPerSecond > WECHAT_LIMITS.setDataPerSecond) violations.push(`${page.route}: ${page.maxSetDataPerSecond} setData calls within one second (limit ${WECHAT_LIMITS.setDataPerSecond})`);
    if (page.maxElements >= WECHAT_LIMITS.nodesPerPage) violations.push(`${page.route}: ${page.maxElements} nodes (limit: fewer than ${WECHAT_LIMITS.nodesPerPage})`);
  }
  return violations;
}

export function describeProblems(problems: readonly Problem[]): string[] {
  return problems.map((problem) => `${problem.kind} in ${problem.where}${problem.route ? ` (${problem.route})` : ''}: ${problem.message}`);
}
