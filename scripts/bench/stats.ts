/** Small statistics for benchmark figures: medians and percentiles, never means of noisy timings. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export const median = (values: readonly number[]) => percentile(values, 50);

export async function timeEach(times: number, work: (index: number) => Promise<unknown>): Promise<number[]> {
  const durations: number[] = [];
  for (let index = 0; index < times; index += 1) {
    const start = process.hrtime.bigint();
    await work(index);
    durations.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return durations;
}

export interface Figure {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
}
