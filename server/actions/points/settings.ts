import { closeYearInput, saveSettingsInput, settingsInput } from '../../../src/contract/points';
import type { YearSettingsView } from '../../../src/contract/points';
import { yearOf } from '../../../src/domain/time/periods';
import type { PointsSettingsDocument } from '../../db/pointsDocuments';
import { pointsYearRepository } from '../../repositories/pointsYear';
import type { CloudDatabase } from '../../runtime/cloud';
import { defineAction } from '../../runtime/defineAction';
import { fail } from '../../runtime/failure';
import { loadYearConfig, settingsId, settingsView } from '../../services/points/yearConfig';

async function writeSettings(db: CloudDatabase, document: PointsSettingsDocument): Promise<YearSettingsView> {
  await pointsYearRepository(db).saveSettings(document);
  return settingsView(document.year, document);
}

/** points.settings — the year's settings: unit rankings on or off, the self-assessment deadline, closed or not. */
export const settings = defineAction({
  name: 'points.settings',
  input: settingsInput,
  access: 'person',
  async run({ db, now }, input) {
    return (await loadYearConfig(db, input.year ?? yearOf(now).year)).settings;
  },
});

/** points.saveSettings — the district turns unit rankings on or off and sets the self-assessment deadline. */
export const saveSettings = defineAction({
  name: 'points.saveSettings',
  input: saveSettingsInput,
  access: ['districtOffice'],
  async run({ db, caller, now }, input) {
    const config = await loadYearConfig(db, input.year);
    if (config.settings.closedAt !== null) fail('CONFLICT', `year ${input.year} is closed`, { field: 'year', userMessage: `${input.year}年度的考核已关闭，不能再修改设置` });
    if (input.selfAssessmentDeadline < `${input.year}-11-01` || input.selfAssessmentDeadline > `${input.year + 1}-03-31`) {
      fail('INVALID_INPUT', `deadline ${input.selfAssessmentDeadline} outside the window`, { field: 'selfAssessmentDeadline', userMessage: `自评截止日期应在 ${input.year}-11-01 至 ${input.year + 1}-03-31 之间` });
    }
    return writeSettings(db, {
      _id: settingsId(input.year),
      type: 'settings',
      year: input.year,
      unitRankings: input.unitRankings,
      selfAssessmentDeadline: input.selfAssessmentDeadline,
      closedAt: null,
      closedBy: null,
      updatedAt: now,
      updatedBy: caller.name,
    });
  },
});

/** points.closeYear — the district closes the year's assessment once the year is over: rules and self-assessments freeze. */
export const closeYear = defineAction({
  name: 'points.closeYear',
  input: closeYearInput,
  access: ['districtOffice'],
  async run({ db, caller, now }, input) {
    if (input.year >= yearOf(now).year) fail('INVALID_INPUT', `year ${input.year} has not ended`, { field: 'year', userMessage: `${input.year}年度尚未结束，年度结束后才能关闭考核` });
    const config = await loadYearConfig(db, input.year);
    if (config.settings.closedAt !== null) fail('ALREADY_DONE', `year ${input.year} already closed`, { userMessage: `${input.year}年度的考核已经关闭` });
    return writeSettings(db, {
      _id: settingsId(input.year),
      type: 'settings',
      year: input.year,
      unitRankings: config.settings.unitRankings,
      selfAssessmentDeadline: config.settings.selfAssessmentDeadline,
      closedAt: now,
      closedBy: caller.name,
      updatedAt: now,
      updatedBy: caller.name,
    });
  },
});
