import { createFunction } from '../../runtime/createFunction';
import { createTimerFunction } from '../../runtime/createTimerFunction';
import { adoptDistrictRules } from './adoptDistrictRules';
import { assessment, checkStreet, saveCommendations } from './assessment';
import { exportRecordBooks, exportTable, recordBook } from './exports';
import { rules, saveRules } from './rules';
import { selfAssessment, submitSelfAssessment } from './selfAssessment';
import { closeYear, saveSettings, settings } from './settings';
import { dashboard } from './dashboard';
import { table } from './pointsTable';
import { tagAchievement, untagAchievement } from './tags';
import { syncPointsLedger } from './ledgerJob';
import { unitPoints } from './unitPoints';

export const pointsActions = [
  rules,
  saveRules,
  adoptDistrictRules,
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

const actions = createFunction(pointsActions);
const timer = createTimerFunction(syncPointsLedger);

/**
 * The `points` function answers the pages' actions and, every hour, its own timer trigger
 * (`{ Type: 'Timer' }`: the points ledger job); a timer event from a person is refused.
 */
export async function pointsMain(event: unknown): Promise<unknown> {
  const isTimer = typeof event === 'object' && event !== null && (event as { Type?: unknown }).Type === 'Timer';
  return isTimer ? timer() : actions(event);
}
