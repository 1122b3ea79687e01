import type { YearSettingsView } from '../../../src/contract/points';
import type { RuleSet } from '../../../src/domain/points/rules';
import type { EvaluationCacheDocument, PointsSettingsDocument, RuleSetDocument } from '../../db/pointsDocuments';
import { pointsYearRepository } from '../../repositories/pointsYear';
import type { CloudDatabase } from '../../runtime/cloud';

/** The year's points configuration (settings and rule set versions): one request. */
export interface YearConfig {
  readonly year: number;
  readonly settings: YearSettingsView;
  readonly ruleSetDocuments: readonly RuleSetDocument[];
  readonly ruleSets: readonly RuleSet[];
  /** Points of closed evaluation rounds, computed once (see evaluationSource.ts). */
  readonly evaluationCaches: readonly EvaluationCacheDocument[];
}

export const settingsId = (year: number) => `settings-${year}`;

export function defaultSettings(year: number): YearSettingsView {
  return { year, unitRankings: false, selfAssessmentDeadline: `${year + 1}-01-15`, closedAt: null };
}

export function settingsView(year: number, document: PointsSettingsDocument | undefined): YearSettingsView {
  if (!document) return defaultSettings(year);
  return {
    year,
    unitRankings: document.unitRankings,
    selfAssessmentDeadline: document.selfAssessmentDeadline,
    closedAt: document.closedAt ? new Date(document.closedAt).toISOString() : null,
  };
}

export function ruleSetOf(document: RuleSetDocument): RuleSet {
  return {
    year: document.year,
    version: document.version,
    effectiveFrom: document.effectiveFrom,
    scope: document.scope,
    rules: document.rules,
    yearCap: document.yearCap,
    lateAfterDays: document.lateAfterDays,
    ...(document.note ? { note: document.note } : {}),
    ...(document.followsDistrict === true ? { followsDistrict: true } : {}),
  };
}

export async function loadYearConfig(db: CloudDatabase, year: number): Promise<YearConfig> {
  const documents = await pointsYearRepository(db).ofYear(year);
  const ruleSetDocuments = documents.filter((document): document is RuleSetDocument => document.type === 'ruleSet');
  const settings = documents.find((document): document is PointsSettingsDocument => document.type === 'settings');
  const evaluationCaches = documents.filter((document): document is EvaluationCacheDocument => document.type === 'evaluationCache');
  return { year, settings: settingsView(year, settings), ruleSetDocuments, ruleSets: ruleSetDocuments.map(ruleSetOf), evaluationCaches };
}
