import type { EvaluationCacheDocument, PointsSettingsDocument, PointsYearDocument, RuleSetDocument } from '../../db/pointsDocuments';
import type { YearConfig } from './yearConfig';
import { ruleSetOf, settingsView } from './yearConfig';

/** The year's points configuration from its `pointsYear` documents already read (loadYearConfig without the request). */
export function yearConfigOf(year: number, documents: readonly PointsYearDocument[]): YearConfig {
  const ofYear = documents.filter((document) => document.year === year);
  const ruleSetDocuments = ofYear.filter((document): document is RuleSetDocument => document.type === 'ruleSet');
  const settings = ofYear.find((document): document is PointsSettingsDocument => document.type === 'settings');
  const evaluationCaches = ofYear.filter((document): document is EvaluationCacheDocument => document.type === 'evaluationCache');
  return { year, settings: settingsView(year, settings), ruleSetDocuments, ruleSets: ruleSetDocuments.map(ruleSetOf), evaluationCaches };
}
