/**
 * A small deterministic pseudo-random generator (mulberry32): the demo district is the same on every
 * machine, and a randomised test that fails names its seed and fails again with it.
 */
export function seededRandom(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The generator with a helper that picks one item of a list. */
export function seededPicker(seed: number): { readonly next: () => number; readonly pick: <T>(items: readonly T[]) => T } {
  const next = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  return { next, pick };
}
