/**
 * CPU profiles of the bench: record one with the inspector around a piece of work, and summarise it
 * (self time per function, and the inclusive share of chosen functions, each sample counted once).
 */
import { Session } from 'node:inspector/promises';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly children?: readonly number[];
}

export interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
  readonly startTime: number;
  readonly endTime: number;
}

/** Profile `work` (sampling every 250 µs); answers the profile in Chrome's .cpuprofile format. */
export async function profile(work: () => Promise<unknown>): Promise<CpuProfile> {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 250 });
    await session.post('Profiler.start');
    await work();
    const { profile: recorded } = await session.post('Profiler.stop');
    return recorded as unknown as CpuProfile;
  } finally {
    session.disconnect();
  }
}

const label = (node: ProfileNode) => {
  const { functionName, url, lineNumber } = node.callFrame;
  if (!url) return functionName || '(anonymous)';
  const file = url.replace(/^.*\/(node_modules\/|src\/|server\/|localcloud\/|dist\/|scripts\/)/, '$1');
  return `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}`;
};

export interface ProfileSummary {
  /** Milliseconds sampled, idle excluded. */
  readonly totalMs: number;
  /** Functions by self time, most first. */
  readonly top: ReadonlyArray<{ readonly name: string; readonly ms: number; readonly share: number }>;
  /** For each function name asked about: its inclusive time and share (a sample counts once however deep the recursion). */
  readonly inclusive: ReadonlyMap<string, { readonly ms: number; readonly share: number }>;
}

export function summarise(recorded: CpuProfile, functionNames: readonly string[], topCount = 10): ProfileSummary {
  const byId = new Map(recorded.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of recorded.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const self = new Map<string, number>();
  const inclusive = new Map(functionNames.map((name) => [name, 0]));
  let total = 0;
  recorded.samples.forEach((id, index) => {
    const delta = (recorded.timeDeltas[index] ?? 0) / 1000;
    const node = byId.get(id);
    if (!node || node.callFrame.functionName === '(idle)') return;
    const stack: ProfileNode[] = [];
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) stack.push(byId.get(at)!);
    // The profiler's own work (starting and stopping through the inspector) is not the program's.
    if (stack.some((frame) => frame.callFrame.url === 'node:inspector')) return;
    total += delta;
    self.set(label(node), (self.get(label(node)) ?? 0) + delta);
    const seen = new Set<string>();
    for (const frame of stack) {
      const name = frame.callFrame.functionName;
      if (inclusive.has(name) && !seen.has(name)) {
        seen.add(name);
        inclusive.set(name, inclusive.get(name)! + delta);
      }
    }
  });
  const share = (ms: number) => (total > 0 ? ms / total : 0);
  return {
    totalMs: total,
    top: [...self].sort((a, b) => b[1] - a[1]).slice(0, topCount).map(([name, ms]) => ({ name, ms, share: share(ms) })),
    inclusive: new Map([...inclusive].map(([name, ms]) => [name, { ms, share: share(ms) }])),
  };
}
