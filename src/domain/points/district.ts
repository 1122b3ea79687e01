import type { UnitPoints } from './engine';
import { computeUnitPoints } from './engine';
import type { AchievementTag, EvaluationResult, PointsPairing, PointsRecord } from './inputs';
import type { RuleSet } from './rules';
import { timelineFor } from './versions';

/** A unit as the district computation needs it. */
export interface PointsUnit {
  readonly id: string;
  /** The street whose rule set applies, when the unit is arranged by a street; null: the district's. */
  readonly ruleStreetId: string | null;
}

export interface DistrictPointsInput {
  readonly year: number;
  readonly units: readonly PointsUnit[];
  readonly pairings: readonly PointsPairing[];
  readonly records: readonly PointsRecord[];
  readonly tags: readonly AchievementTag[];
  readonly evaluations: readonly EvaluationResult[];
  readonly ruleSets: readonly RuleSet[];
  readonly now: Date;
  /** Build every line's Chinese note (false: totals, calendars and lines without notes). Default false. */
  readonly explain?: boolean;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const id = key(item);
    const list = groups.get(id);
    if (list) list.push(item);
    else groups.set(id, [item]);
  }
  return groups;
}

/**
 * Every unit's points from data read in bulk: one pass to group records, tags and results by unit,
 * then the engine per unit. Linear in the number of records.
 */
export function computeDistrictPoints(input: DistrictPointsInput): UnitPoints[] {
  const pairingsByUnit = groupBy(input.pairings, (pairing) => pairing.unitId);
  const unitOfPairing = new Map(input.pairings.map((pairing) => [pairing.id, pairing.unitId]));
  // One look-up a record: each pairing leads to its unit's list (the last pairing of an id decides, as above).
  const recordsByUnit = new Map<string, PointsRecord[]>();
  const listOfPairing = new Map<string, PointsRecord[]>();
  for (const [pairingId, unitId] of unitOfPairing) {
    let list = recordsByUnit.get(unitId);
    if (!list) {
      list = [];
      recordsByUnit.set(unitId, list);
    }
    listOfPairing.set(pairingId, list);
  }
  for (const record of input.records) listOfPairing.get(record.pairingId)?.push(record);
  // Only the tagged records' units: a district has 40,000 records and a few hundred tags.
  const tagged = new Set(input.tags.map((tag) => tag.recordId));
  const recordUnit = new Map<string, string | undefined>();
  if (tagged.size > 0) for (const record of input.records) if (tagged.has(record.id)) recordUnit.set(record.id, unitOfPairing.get(record.pairingId));
  const tagsByUnit = groupBy(
    input.tags.filter((tag) => recordUnit.get(tag.recordId) !== undefined),
    (tag) => recordUnit.get(tag.recordId)!,
  );
  const evaluationsByUnit = groupBy(input.evaluations, (result) => result.unitId);
  const timelines = new Map<string, ReturnType<typeof timelineFor>>();
  const timelineOf = (streetId: string | null) => {
    const key = streetId ?? '';
    let timeline = timelines.get(key);
    if (!timeline) {
      timeline = timelineFor(input.year, input.ruleSets, streetId);
      timelines.set(key, timeline);
    }
    return timeline;
  };
  return input.units.map((unit) =>
    computeUnitPoints({
      year: input.year,
      unitId: unit.id,
      pairings: pairingsByUnit.get(unit.id) ?? [],
      records: recordsByUnit.get(unit.id) ?? [],
      tags: tagsByUnit.get(unit.id) ?? [],
      evaluations: evaluationsByUnit.get(unit.id) ?? [],
      timeline: timelineOf(unit.ruleStreetId),
      now: input.now,
      explain: input.explain ?? false,
    }),
  );
}
