import type { PointsRecord } from '../../../src/domain/points/inputs';
import type { ContentArea, RecordKind } from '../../../src/domain/records/catalog';
import type { RecordState } from '../../../src/domain/records/stateMachine';

/**
 * How the points ledger stores records (pure): a record is one line of tab-separated fields
 * (id, pairing, kind, date, state, content areas, recorded on, paper), a chunk's records are one
 * text, and a record always lives in the chunk of its pairing.
 */
export const LEDGER_CHUNKS = 16;

export const ledgerChunkOf = (pairingId: string): number => {
  let hash = 0;
  for (let index = 0; index < pairingId.length; index += 1) hash = (hash * 31 + pairingId.charCodeAt(index)) >>> 0;
  return hash % LEDGER_CHUNKS;
};

/** One line of a chunk (ids, dates and enum values never hold tabs or newlines). */
export function lineOf(record: PointsRecord): string {
  return `${record.id}\t${record.pairingId}\t${record.kind}\t${record.date}\t${record.state}\t${record.contentAreas.join(',')}\t${record.recordedOn}\t${record.paper ? 1 : 0}`;
}

// A district has a few dozen combinations of content areas: one frozen array each, not one per record.
const areaLists = new Map<string, readonly ContentArea[]>([['', Object.freeze([])]]);
function areasOf(text: string): readonly ContentArea[] {
  let areas = areaLists.get(text);
  if (!areas) {
    areas = Object.freeze(text.split(',') as ContentArea[]);
    areaLists.set(text, areas);
  }
  return areas;
}

/** A chunk's records, decoded line by line without intermediate tuples. */
export function recordsOfText(text: string): PointsRecord[] {
  const records: PointsRecord[] = [];
  if (text === '') return records;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const fields = text.slice(start, end).split('\t');
    records.push({
      id: fields[0] ?? '',
      pairingId: fields[1] ?? '',
      kind: (fields[2] ?? '') as RecordKind,
      date: fields[3] ?? '',
      state: (fields[4] ?? '') as RecordState,
      contentAreas: areasOf(fields[5] ?? ''),
      recordedOn: fields[6] ?? '',
      paper: fields[7] === '1',
    });
    start = end + 1;
  }
  return records;
}

/** A chunk's records in the order it stores them (by id), so the same records always make the same text. */
export function inChunkOrder(records: readonly PointsRecord[]): PointsRecord[] {
  return [...records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function textOf(records: readonly PointsRecord[]): string {
  return records.map(lineOf).join('\n');
}

/** The year's records by chunk (a full rebuild). */
export function chunksOf(records: readonly PointsRecord[]): PointsRecord[][] {
  const byChunk = Array.from({ length: LEDGER_CHUNKS }, () => [] as PointsRecord[]);
  for (const record of records) byChunk[ledgerChunkOf(record.pairingId)]!.push(record);
  return byChunk;
}

/**
 * What was re-read since the watermark: the records as they are now (`current`, drafts included,
 * which leave the ledger) and the ids the ledger held waiting that no longer exist (`gone`).
 */
export interface LedgerDelta {
  readonly current: ReadonlyMap<string, PointsRecord>;
  readonly gone: ReadonlySet<string>;
}

/**
 * The ledger's records with the delta applied: each re-read record replaces its line (or joins, or
 * leaves as a draft), each gone id leaves. One pass and one small map, whatever the ledger's size;
 * with an empty delta the ledger's records are answered as they are.
 */
export function applyDelta(ledger: readonly PointsRecord[], delta: LedgerDelta): PointsRecord[] {
  if (delta.current.size === 0 && delta.gone.size === 0) return ledger as PointsRecord[];
  const out: PointsRecord[] = [];
  const placed = new Set<string>();
  for (const record of ledger) {
    const now = delta.current.get(record.id);
    if (now !== undefined) {
      placed.add(record.id);
      if (now.state !== 'draft') out.push(now);
    } else if (!delta.gone.has(record.id)) out.push(record);
  }
  for (const record of delta.current.values()) if (!placed.has(record.id) && record.state !== 'draft') out.push(record);
  return out;
}

/** The chunks a delta touches: those of its records' pairings and those holding a gone id. */
export function chunksTouched(delta: LedgerDelta, chunkOfId: ReadonlyMap<string, number>): Set<number> {
  const touched = new Set<number>();
  for (const record of delta.current.values()) touched.add(ledgerChunkOf(record.pairingId));
  for (const id of delta.gone) {
    const chunk = chunkOfId.get(id);
    if (chunk !== undefined) touched.add(chunk);
  }
  return touched;
}
