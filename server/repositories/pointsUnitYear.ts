import { aggregateAll, Collection } from '../db/collection';
import type { PairingDocument, UnitDocument } from '../db/documents';
import type { AchievementTagDocument, PointsYearDocument, SelfAssessmentDocument } from '../db/pointsDocuments';
import type { SurveyRoundDocument } from '../db/surveyDocuments';
import type { CloudDatabase } from '../runtime/cloud';
import type { UnitLight } from './pointsDistrict';
import type { RecordDetail } from './pointsRecords';

/** Everything a unit's points screen reads of one year, in one answer. */
export interface UnitYearDocuments {
  readonly units: readonly UnitLight[];
  /** The units' pairings of the year. */
  readonly pairings: readonly PairingDocument[];
  /** The year's `pointsYear` documents: settings, rule set versions, closed rounds' points. */
  readonly yearDocuments: readonly PointsYearDocument[];
  /** The year's evaluation rounds (all states; the reader leaves drafts out). */
  readonly rounds: readonly SurveyRoundDocument[];
  /** The units' achievement tags of the year. */
  readonly tags: readonly AchievementTagDocument[];
  /** The records of those pairings but drafts, with their content, by date then id. */
  readonly records: readonly RecordDetail[];
  /** The units' self-assessments of the year (when asked for). */
  readonly selfAssessments: readonly SelfAssessmentDocument[];
}

const detailFields = ['_id', 'pairingId', 'kind', 'date', 'state', 'contentAreas', 'createdAt', 'paper', 'content', 'results', 'participants', 'orgName', 'confirmed'] as const;

const isDocument = (value: { readonly _id?: unknown } | null): boolean => typeof value?._id === 'string';

/** A unit's self-assessment of a year has this id. */
export const selfAssessmentIdOf = (unitId: string, year: number) => `${unitId}-${year}`;

/**
 * A few units' year in one aggregate: the units folded into one result, joined by equality (each
 * through an index) with their pairings, tags and self-assessments, the year's configuration and
 * evaluation rounds, then the records of the year's pairings (projected to what the points show).
 * Nothing is read per pairing or per record, and nothing is written.
 */
export function pointsUnitYearRepository(db: CloudDatabase) {
  const units = new Collection<UnitDocument>(db, 'units');
  const $ = db.command.aggregate;
  return {
    async ofUnits(unitIds: readonly string[], year: number, options: { readonly selfAssessments?: boolean } = {}): Promise<UnitYearDocuments | undefined> {
      if (unitIds.length === 0) return undefined;
      const ofYear = (input: string) => $.filter({ input, as: 'item', cond: $.eq(['$$item.year', year]) });
      let pipeline = units
        .aggregate()
        .match({ _id: db.command.in([...unitIds]) })
        .group({ _id: null, units: $.push({ _id: '$_id', code: '$code', name: '$name', level: '$level', streetId: '$streetId' }), unitIds: $.push('$_id') })
        .addFields({ year: $.literal(year), assessmentIds: $.map({ input: '$unitIds', as: 'unitId', in: $.concat(['$$unitId', $.literal(`-${year}`)]) }) })
        .lookup({ from: 'pairings', localField: 'unitIds', foreignField: 'unitId', as: 'pairings' })
        .lookup({ from: 'achievementTags', localField: 'unitIds', foreignField: 'unitId', as: 'tags' })
        .lookup({ from: 'pointsYear', localField: 'year', foreignField: 'year', as: 'yearDocuments' })
        .lookup({ from: 'surveyRounds', localField: 'year', foreignField: 'year', as: 'rounds' });
      if (options.selfAssessments) pipeline = pipeline.lookup({ from: 'selfAssessments', localField: 'assessmentIds', foreignField: '_id', as: 'selfAssessments' });
      const [found] = await aggregateAll<UnitYearDocuments & { records: Array<RecordDetail & { state: string }> }>(
        pipeline
          .addFields({ pairings: ofYear('$pairings'), tags: ofYear('$tags') })
          // A sentinel id keeps the join an equality on ids even for a unit without pairings.
          .addFields({ pairingIds: $.concatArrays(['$pairings._id', [$.literal('')]]) })
          .lookup({ from: 'records', localField: 'pairingIds', foreignField: 'pairingId', as: 'records' })
          .project({
            units: 1,
            pairings: 1,
            yearDocuments: 1,
            rounds: 1,
            tags: 1,
            selfAssessments: 1,
            records: $.map({
              input: $.filter({ input: '$records', as: 'record', cond: $.neq(['$$record.state', 'draft']) }),
              as: 'record',
              in: Object.fromEntries(detailFields.map((field) => [field, `$$record.${field}`])),
            }),
          })
          .limit(1),
      );
      if (!found) return undefined;
      // The local cloud's joins on an array answer null for an id that matches nothing (MongoDB answers nothing): leave those out.
      const records = found.records.filter(isDocument).sort((a, b) => (a.date === b.date ? (a._id < b._id ? -1 : a._id > b._id ? 1 : 0) : a.date < b.date ? -1 : 1));
      return { ...found, pairings: found.pairings.filter(isDocument), tags: found.tags.filter(isDocument), records, selfAssessments: (found.selfAssessments ?? []).filter(isDocument) };
    },
  };
}
