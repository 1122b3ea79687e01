import { policy } from '../../../src/domain/access/policy';
import { phaseOf } from '../../../src/domain/surveys/round';
import { chinaDateString } from '../../../src/domain/time/chinaTime';
import { exportRoundInput } from '../../../src/contract/surveys';
import type { SurveyEntryDocument } from '../../db/surveyDocuments';
import { publishFile } from '../../services/files/publishFile';
import { surveyEntriesRepository } from '../../repositories/surveyEntries';
import { accessWhere } from '../../runtime/access';
import { defineAction } from '../../runtime/defineAction';
import { fail } from '../../runtime/failure';
import { newToken } from '../../runtime/tokens';
import { byPairing } from './pairingEntries';
import { resultsView } from './pairingResults';
import { resultsWorkbook } from './resultsWorkbook';
import { visibleRound } from './roundsInScope';

const TEMP_URL_SECONDS = 2 * 60 * 60;

/**
 * surveys.export — a round's results in the caller's scope (policy.survey.results) as an .xlsx in
 * cloud storage, answered as a temporary URL (works in WeChat and, through /__local/files/, locally).
 */
export const exportRound = defineAction({
  name: 'surveys.export',
  input: exportRoundInput,
  access: ['streetOffice', 'districtOffice'],
  async run({ db, cloud, caller, now }, input) {
    const round = await visibleRound(db, caller, input.roundId);
    if (round.state === 'draft') fail('CONFLICT', `survey round ${round._id} is a draft`, { userMessage: '评议尚未发布，没有可导出的结果' });
    const within = accessWhere(db, caller, policy.survey.results);
    const entries: SurveyEntryDocument[] = within === null ? [] : await surveyEntriesRepository(db).withTalliesOfRound(round._id, within);
    const views = [...byPairing(entries).values()].map((own) => resultsView(round, now, caller, own)).sort((a, b) => a.unitName.localeCompare(b.unitName, 'zh-CN'));
    const content = await resultsWorkbook(round, phaseOf(round, now), views);
    const fileName = `${views[0]?.round.label ?? '评议'}结果（${round.scopeName}，${chinaDateString(now)}）.xlsx`;
    // The name is the path's last part, so the download is called what it is; the token keeps the link unguessable.
    const { url } = await publishFile(cloud, `exports/surveys/${round._id}/${newToken()}/${fileName}`, content, TEMP_URL_SECONDS);
    return { fileName, url };
  },
});
