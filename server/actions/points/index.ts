import { assessment, checkStreet, saveCommendations } from './assessment';
import { exportRecordBooks, exportTable, recordBook } from './exports';
import { rules, saveRules } from './rules';
import { selfAssessment, submitSelfAssessment } from './selfAssessment';
import { closeYear, saveSettings, settings } from './settings';
import { dashboard } from './dashboard';
import { table } from './pointsTable';
import { tagAchievement, untagAchievement } from './tags';
import { unitPoints } from './unitPoints';

export const pointsActions = [
  rules,
  saveRules,
  settings,
  saveSettings,
  closeYear,
  unitPoints,
  tagAchievement,
  untagAchievement,
  selfAssessment,
  submitSelfAssessment,
  table,
  dashboard,
  exportTable,
  recordBook,
  exportRecordBooks,
  assessment,
  checkStreet,
  saveCommendations,
];
