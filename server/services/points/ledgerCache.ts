import type { PointsRecord } from '../../../src/domain/points/inputs';

/**
 * Decoded ledger chunks kept by the function's instance between calls (WeChat keeps a warm instance's
 * module state): a chunk's records by its id, valid while the chunk's `contentKey` is the same. A key
 * names one text forever (ledger.ts makes a new random one for every new text), so a copy is never
 * stale, whichever database or test cloud the key came from. Bounded: two years of 16 chunks, twice.
 */
const MOST = 64;

interface Decoded {
  readonly contentKey: string;
  readonly records: readonly PointsRecord[];
}

const decoded = new Map<string, Decoded>();

/** The chunk's records when this instance holds the text named `contentKey`. */
export function cachedChunk(id: string, contentKey: string): readonly PointsRecord[] | undefined {
  const entry = decoded.get(id);
  return entry !== undefined && entry.contentKey === contentKey ? entry.records : undefined;
}

export function keepChunk(id: string, contentKey: string, records: readonly PointsRecord[]): void {
  decoded.delete(id);
  decoded.set(id, { contentKey, records });
  if (decoded.size > MOST) decoded.delete(decoded.keys().next().value!);
}

/** Forgets every decoded chunk (tests that measure a cold instance). */
export function forgetChunks(): void {
  decoded.clear();
}
