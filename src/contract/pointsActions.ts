import type { Io } from './io';
import type {
  adoptDistrictRulesInput,
  AssessmentView,
  checkStreetInput,
  closeYearInput,
  DashboardView,
  ExportedFile,
  exportRecordBooksInput,
  officeScopeInput,
  officeUnitsPageInput,
  PointsTableView,
  recordBookInput,
  RecordBookView,
  RecordBooksExport,
  rulesInput,
  RulesOutput,
  RuleSetView,
  saveCommendationsInput,
  saveRulesInput,
  saveSettingsInput,
  selfAssessmentInput,
  SelfAssessmentView,
  settingsInput,
  StreetCheckView,
  submitSelfAssessmentInput,
  tagInput,
  UnitPointsView,
  unitPointsInput,
  YearSettingsView,
} from './points';

/**
 * Cloud function `points`: the points table and its rules, each unit's breakdown and calendar, the
 * self-assessment, dashboards, exports and the annual assessment.
 */
export interface PointsActionMap {
  'points.rules': Io<typeof rulesInput, RulesOutput>;
  'points.saveRules': Io<typeof saveRulesInput, { ruleSet: RuleSetView }>;
  'points.adoptDistrictRules': Io<typeof adoptDistrictRulesInput, { ruleSet: RuleSetView }>;
  'points.settings': Io<typeof settingsInput, YearSettingsView>;
  'points.saveSettings': Io<typeof saveSettingsInput, YearSettingsView>;
  'points.unit': Io<typeof unitPointsInput, UnitPointsView>;
  'points.tagAchievement': Io<typeof tagInput, { recordId: string; achievements: readonly string[] }>;
  'points.untagAchievement': Io<typeof tagInput, { recordId: string; achievements: readonly string[] }>;
  'points.selfAssessment': Io<typeof selfAssessmentInput, SelfAssessmentView>;
  'points.submitSelfAssessment': Io<typeof submitSelfAssessmentInput, SelfAssessmentView>;
  'points.table': Io<typeof officeUnitsPageInput, PointsTableView>;
  'points.dashboard': Io<typeof officeScopeInput, DashboardView>;
  'points.exportTable': Io<typeof officeScopeInput, ExportedFile & { rows: number }>;
  'points.recordBook': Io<typeof recordBookInput, RecordBookView>;
  'points.exportRecordBooks': Io<typeof exportRecordBooksInput, RecordBooksExport>;
  'points.assessment': Io<typeof officeUnitsPageInput, AssessmentView>;
  'points.checkStreet': Io<typeof checkStreetInput, { check: StreetCheckView }>;
  'points.saveCommendations': Io<typeof saveCommendationsInput, { commendations: AssessmentView['commendations'] }>;
  'points.closeYear': Io<typeof closeYearInput, YearSettingsView>;
}
