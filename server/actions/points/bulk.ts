import type { PointsRecord } from '../../../src/domain/points/inputs';
import type { ContentArea, RecordKind } from '../../../src/domain/records/catalog';
import type { RecordState } from '../../../src/domain/records/stateMachine';
import { chinaDateString } from '../../../src/domain/time/chinaTime';
import { aggregateAll } from '../../db/ops';
import type { CloudDatabase } from '../../runtime/cloud';

/**
 * Bulk reads for the points: an aggregation returns up to 10,000 results per request (a plain `get`
 * only 1,000), so a district's year reads in a handful of requests — never one per pairing.
 */
export const AGGREGATE_PAGE = 10_000;

interface AggregateChain {
  match(condition: object): AggregateChain;
  project(fields: object): AggregateChain;
  group(spec: object): AggregateChain;
  sort(spec: object): AggregateChain;
  skip(n: number): AggregateChain;
  limit(n: number): AggregateChain;
  end(): unknown;
}

const aggregate = (db: CloudDatabase, collection: string) => db.collection(collection).aggregate() as unknown as AggregateChain;

/** Every document matching, with only the projected fields, 10,000 per request. */
export async function aggregateEvery<T>(db: CloudDatabase, collection: string, match: object, projection: Record<string, 1>): Promise<T[]> {
  const all: T[] = [];
  for (let offset = 0; ; offset += AGGREGATE_PAGE) {
    const page = await aggregateAll<T>(aggregate(db, collection).match(match).project(projection).sort({ _id: 1 }).skip(offset).limit(AGGREGATE_PAGE));
    all.push(...page);
    if (page.length < AGGREGATE_PAGE) return all;
  }
}

interface RecordRow {
  readonly id: string;
  readonly pairingId: string;
  readonly kind: RecordKind;
  readonly date: string;
  readonly state: RecordState;
  readonly contentAreas?: readonly ContentArea[];
  readonly createdAt: Date | string;
  readonly paper?: boolean;
}

/**
 * The records that matter for points (every state but draft), grouped by pairing inside the
 * database: one request returns a whole district's year (one result per pairing).
 */
export async function pointsRecords(db: CloudDatabase, match: object): Promise<PointsRecord[]> {
  const $ = db.command.aggregate as unknown as { push(value: unknown): unknown };
  const records: PointsRecord[] = [];
  for (let offset = 0; ; offset += AGGREGATE_PAGE) {
    const groups = await aggregateAll<{ _id: string; records: RecordRow[] }>(
      aggregate(db, 'records')
        .match({ ...match, state: db.command.neq('draft') })
        .project({ _id: 1, pairingId: 1, kind: 1, date: 1, state: 1, contentAreas: 1, createdAt: 1, paper: 1 })
        .group({
          _id: '$pairingId',
          records: $.push({ id: '$_id', pairingId: '$pairingId', kind: '$kind', date: '$date', state: '$state', contentAreas: '$contentAreas', createdAt: '$createdAt', paper: '$paper' }),
        })
        .sort({ _id: 1 })
        .skip(offset)
        .limit(AGGREGATE_PAGE),
    );
    for (const group of groups) for (const row of group.records) records.push(toPointsRecord(row));
    if (groups.length < AGGREGATE_PAGE) return records;
  }
}

export function toPointsRecord(row: RecordRow): PointsRecord {
  return {
    id: row.id,
    pairingId: row.pairingId,
    kind: row.kind,
    date: row.date,
    state: row.state,
    contentAreas: row.contentAreas ?? [],
    recordedOn: chinaDateString(new Date(row.createdAt)),
    paper: row.paper === true,
  };
}
