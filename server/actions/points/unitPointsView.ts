import type { AchievementOption, PendingLineView, PointLineView, TaggableRecord, UnitPointsView } from '../../../src/contract/points';
import type { PendingLine, PointLine } from '../../../src/domain/points/engine';
import type { RuleTimeline } from '../../../src/domain/points/versions';
import { versionLabel } from '../../../src/domain/points/versions';
import { recordKinds } from '../../../src/domain/records/catalog';
import type { RecordDetail } from '../../repositories/pointsRecords';
import type { UnitResult } from '../../services/points/scopedPoints';

/** How a unit's points are shown: each line with its record's title, the records it may tag, the versions. */
export const recordTitle = (record: Pick<RecordDetail, 'kind' | 'content'>) => `${recordKinds[record.kind]}：${[...record.content].slice(0, 30).join('')}`;

export function lineView(line: PointLine, details: ReadonlyMap<string, RecordDetail>): PointLineView {
  const { contentAreas: _areas, ceiling: _ceiling, ...rest } = line;
  const record = line.source.type === 'record' ? details.get(line.source.recordId) : undefined;
  return { ...rest, ...(record ? { title: recordTitle(record), orgName: record.orgName } : {}) };
}

export function pendingView(line: PendingLine, details: ReadonlyMap<string, RecordDetail>): PendingLineView {
  const record = line.source.type === 'record' ? details.get(line.source.recordId) : undefined;
  return { ...line, ...(record ? { title: recordTitle(record) } : {}) };
}

/** Achievements any version of the year names (the latest wording wins). */
export function achievementOptions(timeline: RuleTimeline): AchievementOption[] {
  const options = new Map<string, AchievementOption>();
  for (const version of timeline.versions) {
    for (const rule of version.rules) {
      if (rule.target.type === 'achievement') options.set(rule.target.achievement, { achievement: rule.target.achievement, label: rule.target.label, contentArea: rule.target.contentArea, points: rule.points });
    }
  }
  return [...options.values()];
}

export function unitPointsView(
  result: UnitResult,
  context: {
    readonly details: readonly RecordDetail[];
    readonly tags: ReadonlyArray<{ readonly recordId: string; readonly achievement: string }>;
    readonly timeline: RuleTimeline;
    readonly units: UnitPointsView['units'];
    readonly canTag: boolean;
  },
): UnitPointsView {
  const byId = new Map(context.details.map((detail) => [detail._id, detail]));
  const { points } = result;
  const tagsByRecord = new Map<string, string[]>();
  for (const tag of context.tags) tagsByRecord.set(tag.recordId, [...(tagsByRecord.get(tag.recordId) ?? []), tag.achievement]);
  const taggable: TaggableRecord[] = context.details
    .filter((detail) => detail.state === 'confirmed')
    .map((detail) => ({ recordId: detail._id, date: detail.date, kind: detail.kind, title: recordTitle(detail), contentAreas: detail.contentAreas, achievements: tagsByRecord.get(detail._id) ?? [] }));
  return {
    year: points.year,
    unitId: result.unit._id,
    unitName: result.unit.name,
    units: context.units,
    pairings: result.pairings.map((pairing) => ({ id: pairing._id, orgName: pairing.orgName, startDate: pairing.startDate, endDate: pairing.endDate })),
    totals: points.totals,
    lines: points.lines.map((line) => lineView(line, byId)),
    pending: points.pending.map((line) => pendingView(line, byId)),
    calendar: points.calendar,
    versions: context.timeline.versions.map((version) => ({ version: version.version, label: versionLabel(version), effectiveFrom: version.effectiveFrom })),
    achievements: achievementOptions(context.timeline),
    taggable,
    canTag: context.canTag,
  };
}
