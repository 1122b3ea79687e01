import type { PointsRecord } from '../../src/domain/points/inputs';
import type { ContentArea, RecordKind } from '../../src/domain/records/catalog';
import type { RecordState } from '../../src/domain/records/stateMachine';
import { chinaDateString } from '../../src/domain/time/chinaTime';
import { AGGREGATE_PAGE, aggregateAll, Collection } from '../db/collection';
import type { RecordDocument } from '../db/documents';
import type { CloudDatabase } from '../runtime/cloud';

/**
 * The records as the points read them (never drafts): in bulk for a district's year (the points
 * ledger), with their content for a few units (the breakdown and the record book), and the quarter's
 * confirmed work for a bulletin's good practices.
 */

/** A record's fields that matter for points. */
interface PointsRow {
  readonly _id: string;
  readonly pairingId: string;
  readonly kind: RecordKind;
  readonly date: string;
  readonly state: RecordState;
  readonly contentAreas?: readonly ContentArea[];
  readonly createdAt: Date | string;
  readonly paper?: boolean;
}

const pointsFields = { _id: 1, pairingId: 1, kind: 1, date: 1, state: 1, contentAreas: 1, createdAt: 1, paper: 1 } as const;

/** A record with its content, as the breakdown's titles and the record book show it. */
export type RecordDetail = Pick<
  RecordDocument,
  '_id' | 'pairingId' | 'kind' | 'date' | 'state' | 'contentAreas' | 'createdAt' | 'paper' | 'content' | 'results' | 'participants' | 'orgName' | 'confirmed'
>;

const detailFields = { _id: 1, pairingId: 1, kind: 1, date: 1, state: 1, contentAreas: 1, createdAt: 1, paper: 1, content: 1, results: 1, participants: 1, orgName: 1, confirmed: 1 } as const;

/** A confirmed record that may be chosen as a good practice of a bulletin. */
export type PracticeRecord = Pick<RecordDocument, '_id' | 'pairingId' | 'unitId' | 'unitName' | 'orgName' | 'kind' | 'date' | 'contentAreas' | 'content' | 'results' | 'participants'>;

const practiceFields = { _id: 1, pairingId: 1, unitId: 1, unitName: 1, orgName: 1, kind: 1, date: 1, contentAreas: 1, content: 1, results: 1, participants: 1 } as const;

export function toPointsRecord(row: Omit<PointsRow, '_id'> & { readonly id: string }): PointsRecord {
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

const fromRow = (row: PointsRow): PointsRecord => toPointsRecord({ ...row, id: row._id });

export function pointsRecordsRepository(db: CloudDatabase) {
  const _ = db.command;
  const records = new Collection<RecordDocument>(db, 'records');
  return {
    /**
     * Every record of the year but drafts, grouped by pairing inside the database: one request
     * returns a whole district's year (one result per pairing, up to 10,000 pairings a request).
     */
    async ofYear(year: number): Promise<PointsRecord[]> {
      const all: PointsRecord[] = [];
      for (let offset = 0; ; offset += AGGREGATE_PAGE) {
        const groups = await aggregateAll<{ _id: string; records: Array<Omit<PointsRow, '_id'> & { id: string }> }>(
          records
            .aggregate()
            .match({ year, state: _.neq('draft') })
            .project(pointsFields)
            .group({
              _id: '$pairingId',
              records: _.aggregate.push({ id: '$_id', pairingId: '$pairingId', kind: '$kind', date: '$date', state: '$state', contentAreas: '$contentAreas', createdAt: '$createdAt', paper: '$paper' }),
            })
            .sort({ _id: 1 })
            .skip(offset)
            .limit(AGGREGATE_PAGE),
        );
        for (const group of groups) for (const row of group.records) all.push(toPointsRecord(row));
        if (groups.length < AGGREGATE_PAGE) return all;
      }
    },
    /**
     * In one request: the year's records now in one of these states, those confirmed after a
     * submission at or after `since` (both through the `state_submitted` index), and these records
     * by id, whatever their state.
     */
    async changedSince(year: number, states: readonly RecordState[], since: Date, ids: readonly string[]): Promise<PointsRecord[]> {
      const condition = _.or([{ state: _.in([...states]), year }, { state: 'confirmed', submittedAt: _.gte(since), year }, ...(ids.length > 0 ? [{ _id: _.in([...ids]) }] : [])]);
      return (await records.aggregateEvery<PointsRow>(condition, pointsFields)).map(fromRow);
    },
    /** These pairings' records but drafts, for points (a street's view: through the `pairing_date` index). */
    async ofPairings(pairingIds: readonly string[]): Promise<PointsRecord[]> {
      if (pairingIds.length === 0) return [];
      return (await records.aggregateEvery<PointsRow>({ pairingId: _.in([...pairingIds]), state: _.neq('draft') }, pointsFields)).map(fromRow);
    },
    /** These pairings' records but drafts, with their content, by date. */
    detailsOfPairings(pairingIds: readonly string[]): Promise<RecordDetail[]> {
      return records.findEvery<RecordDetail>({ pairingId: _.in([...pairingIds]), state: _.neq('draft') }, { orderBy: [['date', 'asc'], ['_id', 'asc']], fields: detailFields });
    },
    /**
     * Confirmed records of these kinds dated in [first, last]: of these units, or of the whole year's
     * district (one request up to 10,000: a district quarter has about 5,000).
     */
    confirmedBetween(scope: { readonly year: number; readonly unitIds?: readonly string[] }, kinds: readonly RecordKind[], first: string, last: string): Promise<PracticeRecord[]> {
      return records.aggregateEvery<PracticeRecord>(
        {
          ...(scope.unitIds ? { unitId: _.in([...scope.unitIds]) } : { year: scope.year }),
          state: 'confirmed',
          kind: _.in([...kinds]),
          date: _.and(_.gte(first), _.lte(last)),
        },
        practiceFields,
      );
    },
    byId(recordId: string): Promise<RecordDocument | undefined> {
      return records.byId(recordId);
    },
  };
}
