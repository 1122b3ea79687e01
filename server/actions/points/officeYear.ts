import type { UnitTotalView } from '../../../src/contract/points';
import { unitRanks } from '../../../src/domain/assessment/ranking';
import { unitTotalRow } from '../../../src/domain/assessment/totals';
import { ruleKey, ruleLabel } from '../../../src/domain/points/rules';
import { timelineFor, versionOn } from '../../../src/domain/points/versions';
import { chinaDateString } from '../../../src/domain/time/chinaTime';
import { yearOf } from '../../../src/domain/time/periods';
import type { StreetDocument } from '../../db/documents';
import type { CloudDatabase } from '../../runtime/cloud';
import type { Caller } from '../../runtime/context';
import type { OfficeScope } from '../../services/points/officeScope';
import { districtName, officeScopeOf } from '../../services/points/officeScope';
import type { ScopedYear } from '../../services/points/scopedPoints';
import { scopedPoints } from '../../services/points/scopedPoints';

export interface OfficeYear {
  readonly year: number;
  readonly scope: OfficeScope;
  readonly scopeName: string;
  readonly scoped: ScopedYear;
  /** The streets the office looks at (every street for the whole district). */
  readonly streets: readonly StreetDocument[];
  /** Unit rows in a neutral order (by code), or by rank when the district turned rankings on. */
  readonly rows: readonly UnitTotalView[];
  readonly rankingsOn: boolean;
}

/** An office's year: every unit in its scope with its totals; ranks only when the district turned them on. */
export async function officeYear(db: CloudDatabase, caller: Caller, input: { year?: number; streetId?: string }, now: Date): Promise<OfficeYear> {
  const year = input.year ?? yearOf(now).year;
  const scope = officeScopeOf(caller, input.streetId);
  const scoped = await scopedPoints(db, year, scope, now);
  const streetNames = new Map(scoped.streets.map((street) => [street._id, street.name]));
  const scopeName = scope.kind === 'district' ? districtName(caller) : scope.streetIds.map((id) => streetNames.get(id) ?? id).join('、');
  const streets = scope.kind === 'district' ? scoped.streets : scoped.streets.filter((street) => scope.streetIds.includes(street._id));
  const base = scoped.results.map((result) => ({
    ...unitTotalRow(
      { unitId: result.unit._id, unitName: result.unit.name, unitCode: result.unit.code, streetId: result.unit.streetId, orgNames: result.pairings.map((pairing) => pairing.orgName) },
      result.points,
    ),
    streetName: streetNames.get(result.unit.streetId) ?? '',
  }));
  const ranks = unitRanks(base, { enabled: scoped.config.settings.unitRankings, viewerIsOffice: true });
  const rows: UnitTotalView[] = ranks ? base.map((row) => ({ ...row, rank: ranks.get(row.unitId)! })).sort((a, b) => a.rank - b.rank || a.unitCode.localeCompare(b.unitCode)) : base;
  return { year, scope, scopeName, scoped, streets, rows, rankingsOn: ranks !== null };
}

/** The columns of the points table: the district's rules in force today, then any other rule that gave points. */
export function ruleColumns(scoped: ScopedYear, rows: readonly UnitTotalView[], now: Date): Array<{ key: string; label: string }> {
  const timeline = timelineFor(scoped.year, scoped.config.ruleSets, null);
  const today = chinaDateString(now);
  const current = versionOn(timeline, today < `${scoped.year}-12-31` ? today : `${scoped.year}-12-31`);
  const columns = new Map(current.rules.map((rule) => [ruleKey(rule.target), ruleLabel(rule.target)]));
  const labels = new Map(timeline.versions.flatMap((version) => version.rules.map((rule) => [ruleKey(rule.target), ruleLabel(rule.target)] as const)));
  for (const row of rows) for (const key of Object.keys(row.byRule)) if (!columns.has(key)) columns.set(key, labels.get(key) ?? key);
  return [...columns].map(([key, label]) => ({ key, label }));
}
