import type { PointsRecord } from '../../../src/domain/points/inputs';
import type { ContentArea, RecordKind } from '../../../src/domain/records/catalog';
import type { RecordState } from '../../../src/domain/records/stateMachine';
import type { LedgerTuple } from '../../db/pointsDocuments';

/**
 * How the points ledger stores records (pure): a record is one tuple, a chunk's tuples are one text
 * (a line per record, tab-separated), and a record always lives in the chunk of its pairing.
 */
export const LEDGER_CHUNKS = 16;

export const ledgerChunkOf = (pairingId: string): number => {
  let hash = 0;
  for (let index = 0; index < pairingId.length; index += 1) hash = (hash * 31 + pairingId.charCodeAt(index)) >>> 0;
  return hash % LEDGER_CHUNKS;
};

export function toTuple(record: PointsRecord): LedgerTuple {
  return [record.id, record.pairingId, record.kind, record.date, record.state, record.contentAreas.join(','), record.recordedOn, record.paper ? 1 : 0];
}

export function fromTuple(tuple: LedgerTuple): PointsRecord {
  const [id, pairingId, kind, date, state, areas, recordedOn, paper] = tuple;
  return { id, pairingId, kind: kind as RecordKind, date, state: state as RecordState, contentAreas: areas ? (areas.split(',') as ContentArea[]) : [], recordedOn, paper: paper === 1 };
}

const sameTuple = (a: LedgerTuple, b: LedgerTuple) => a.every((value, index) => value === b[index]);

/** Chunk text: a line per record, tab-separated (ids, dates and enum values never hold tabs or newlines). */
export function tuplesToText(tuples: readonly LedgerTuple[]): string {
  return tuples.map((tuple) => tuple.join('\t')).join('\n');
}

export function textToTuples(text: string): LedgerTuple[] {
  if (text === '') return [];
  return text.split('\n').map((line) => {
    const [id = '', pairingId = '', kind = '', date = '', state = '', areas = '', recordedOn = '', paper = '0'] = line.split('\t');
    return [id, pairingId, kind, date, state, areas, recordedOn, paper === '1' ? 1 : 0] as const;
  });
}

/** The year's records by chunk, as tuples (a full rebuild). */
export function chunksOf(records: readonly PointsRecord[]): LedgerTuple[][] {
  const byChunk = Array.from({ length: LEDGER_CHUNKS }, () => [] as LedgerTuple[]);
  for (const record of records) byChunk[ledgerChunkOf(record.pairingId)]!.push(toTuple(record));
  return byChunk;
}

/**
 * Merge re-read records into the chunks' tuples: answers the new tuples of each chunk that changed.
 * A record read back as a draft (never expected) leaves the ledger.
 */
export function mergeIntoChunks(chunks: ReadonlyMap<number, readonly LedgerTuple[]>, changed: readonly PointsRecord[]): Map<number, LedgerTuple[]> {
  const touched = new Map<number, Map<string, LedgerTuple>>();
  for (const record of changed) {
    const chunk = ledgerChunkOf(record.pairingId);
    let byId = touched.get(chunk);
    if (!byId) {
      byId = new Map((chunks.get(chunk) ?? []).map((tuple) => [tuple[0], tuple]));
      touched.set(chunk, byId);
    }
    if (record.state === 'draft') byId.delete(record.id);
    else byId.set(record.id, toTuple(record));
  }
  const result = new Map<number, LedgerTuple[]>();
  for (const [chunk, byId] of touched) {
    const before = new Map((chunks.get(chunk) ?? []).map((tuple) => [tuple[0], tuple]));
    const after = [...byId.values()];
    const differs = after.length !== before.size || after.some((tuple) => {
      const old = before.get(tuple[0]);
      return old === undefined || !sameTuple(old, tuple);
    });
    if (differs) result.set(chunk, after);
  }
  return result;
}
