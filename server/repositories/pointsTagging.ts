import { aggregateAll, Collection } from '../db/collection';
import { expr, pipeline } from '../db/commands';
import type { PairingDocument, RecordDocument, UnitDocument } from '../db/documents';
import type { PointsSettingsDocument, RuleSetDocument } from '../db/pointsDocuments';
import type { CloudDatabase } from '../runtime/cloud';

/** The fields of a record that tagging checks: who may tag it (its place), its state, date and content areas. */
const taggingFields = { _id: 1, pairingId: 1, unitId: 1, orgId: 1, streetId: 1, unitStreetId: 1, year: 1, date: 1, state: 1, contentAreas: 1 } as const;

export type TaggingRecord = Pick<RecordDocument, keyof typeof taggingFields>;

/** A record as tagging reads it, with what decides a tag on it (see `pointsTaggingRepository`). */
export interface RecordForTagging {
  readonly record: TaggingRecord;
  /** The year's settings, if saved (a closed year takes no tags). */
  readonly settings: PointsSettingsDocument | undefined;
  /** The year's rule set versions of the district and of the street of the record's unit (with `rules`). */
  readonly ruleSets: readonly RuleSetDocument[];
  /** The record's unit and pairing, which decide whether the street's rules apply (with `rules`). */
  readonly unit: UnitDocument | undefined;
  readonly pairing: PairingDocument | undefined;
  /** The achievements the record is tagged with now, sorted. */
  readonly achievements: readonly string[];
}

interface Joined extends TaggingRecord {
  readonly unit?: UnitDocument[];
  readonly pairing?: PairingDocument[];
  readonly yearDocuments: Array<PointsSettingsDocument | RuleSetDocument>;
  readonly tags: Array<{ readonly achievement: string }>;
}

/**
 * A record and everything tagging it decides on, in one aggregate: the record (projected), joined
 * with its tags (through the `unit_year` index), the year's settings and — when `rules` — its unit,
 * its pairing and the year's rule set versions that can apply to it: the district's and those of the
 * street its unit is in, never another street's and never the year's evaluation caches.
 */
export function pointsTaggingRepository(db: CloudDatabase) {
  const _ = db.command;
  const $ = _.aggregate;
  const records = new Collection<RecordDocument>(db, 'records');
  return {
    async recordForTagging(recordId: string, options: { readonly rules: boolean }): Promise<RecordForTagging | undefined> {
      let chain = records.aggregate().match({ _id: recordId }).limit(1).project(taggingFields);
      if (options.rules) {
        chain = chain
          .lookup({ from: 'units', localField: 'unitId', foreignField: '_id', as: 'unit' })
          .lookup({ from: 'pairings', localField: 'pairingId', foreignField: '_id', as: 'pairing' });
      }
      const ofYear = $.and([$.eq(['$year', '$$year']), options.rules ? $.in(['$type', ['settings', 'ruleSet']]) : $.eq(['$type', 'settings'])]);
      const applicable = $.or([$.eq(['$type', 'settings']), $.eq(['$scope.kind', 'district']), $.in(['$scope.streetId', '$$unitStreets'])]);
      const [found] = await aggregateAll<Joined>(
        chain
          .lookup({
            from: 'pointsYear',
            let: options.rules ? { year: '$year', unitStreets: '$unit.streetId' } : { year: '$year' },
            pipeline: (options.rules ? pipeline(db).match(expr(db, ofYear)).match(expr(db, applicable)) : pipeline(db).match(expr(db, ofYear))).done(),
            as: 'yearDocuments',
          })
          .lookup({
            from: 'achievementTags',
            let: { unitId: '$unitId', year: '$year', recordId: '$_id' },
            pipeline: pipeline(db)
              .match(expr(db, $.and([$.eq(['$unitId', '$$unitId']), $.eq(['$year', '$$year']), $.eq(['$recordId', '$$recordId'])])))
              .project({ _id: 0, achievement: 1 })
              .done(),
            as: 'tags',
          }),
      );
      if (!found) return undefined;
      const { unit, pairing, yearDocuments, tags, ...record } = found;
      return {
        record,
        settings: yearDocuments.find((document): document is PointsSettingsDocument => document.type === 'settings'),
        ruleSets: yearDocuments.filter((document): document is RuleSetDocument => document.type === 'ruleSet'),
        unit: unit?.[0],
        pairing: pairing?.[0],
        achievements: tags.map((tag) => tag.achievement).sort(),
      };
    },
  };
}
