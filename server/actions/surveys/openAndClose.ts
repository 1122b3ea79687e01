import { endDateProblem } from '../../../src/domain/surveys/round';
import { chinaDateString } from '../../../src/domain/time/chinaTime';
import { openRoundInput, roundRefInput } from '../../../src/contract/surveys';
import type { SurveyRoundDocument } from '../../db/surveyDocuments';
import { surveyEntriesRepository } from '../../repositories/surveyEntries';
import { surveyRoundsRepository } from '../../repositories/surveyRounds';
import { surveyScopeRepository } from '../../repositories/surveyScope';
import { defineAction } from '../../runtime/defineAction';
import { writeEvaluationCache } from '../../services/points/evaluationCache';
import { fail } from '../../runtime/failure';
import { pairingsToSend } from './coverage';
import { ensureEntries } from './entryDocuments';
import { forgetOpenEntries } from './openEntries';
import { detailFor } from './roundProgress';
import { existingRound, managedRound } from './roundsInScope';

const offices = ['streetOffice', 'districtOffice'] as const;

/**
 * surveys.open — freezes the form the office saw and sends the questionnaire: every pairing in scope
 * gets one entry (link, QR code, tally) per respondent group. The round is claimed first with a
 * conditional update (draft → open), so two offices opening at once open it once; opening again
 * completes entries a failure may have left out. In sequence: the caller, the round, the pairings
 * with the period's other rounds, the claim, the entries' batches sent together: five round trips
 * for a district of a thousand pairings (tests/functions/worstCases.test.ts).
 */
export const openRound = defineAction({
  name: 'surveys.open',
  input: openRoundInput,
  access: offices,
  async run({ db, caller, now }, input) {
    const round = await managedRound(db, caller, input.roundId);
    if (round.state === 'closed') fail('CONFLICT', `survey round ${round._id} is closed`, { userMessage: '这次评议已经结束' });
    if (round.state === 'open') {
      const entries = await ensureEntries(db, round, await surveyScopeRepository(db).pairingsByIds(round.pairingIds));
      return detailFor(db, caller, round, now, {}, entries);
    }
    if (round.form.version !== input.formVersion) fail('CONFLICT', `form version ${input.formVersion} is stale (now ${round.form.version})`, { userMessage: '问卷刚被修改过，请确认最新的问卷后再发布' });
    const problem = endDateProblem(round.endDate, now);
    if (problem) fail('INVALID_INPUT', `end date ${round.endDate} no longer valid`, { field: 'endDate', userMessage: `${problem}，请先修改截止日期` });
    const pairings = await pairingsToSend(db, round, chinaDateString(now));
    if (pairings.length === 0) fail('CONFLICT', `no pairing to send survey round ${round._id} to`, { userMessage: '范围内没有需要评议的结对（可能都已在本年度同期的其他评议中）' });
    const pairingIds = pairings.map((pairing) => pairing._id);
    const claimed = await surveyRoundsRepository(db).open(round._id, input.formVersion, pairingIds, now);
    if (!claimed) fail('CONFLICT', `survey round ${round._id} changed while opening`, { userMessage: '评议刚被其他人修改或发布，请刷新后再试' });
    // The claim wrote exactly this (nothing else changes a round between draft and open), so it is not read back.
    const opened: SurveyRoundDocument = { ...round, state: 'open', openedAt: now, updatedAt: now, pairingIds };
    const entries = await ensureEntries(db, opened, pairings, { justOpened: true });
    return detailFor(db, caller, opened, now, {}, entries);
  },
});

/**
 * surveys.close — ends an open round before its end time (e.g. everybody has answered). Entries close
 * first, so no answer slips in after the round says it is closed; closing again changes nothing. The
 * round's points are written as it closes (the evaluation cache the points read, services/points/evaluationCache.ts).
 */
export const closeRound = defineAction({
  name: 'surveys.close',
  input: roundRefInput,
  access: offices,
  async run({ db, caller, now }, input) {
    const round = await managedRound(db, caller, input.roundId);
    if (round.state === 'draft') fail('CONFLICT', `survey round ${round._id} is a draft`, { userMessage: '评议尚未发布，无需结束' });
    if (round.state !== 'open') return detailFor(db, caller, round, now);
    await surveyEntriesRepository(db).closeOpenOfRound(round._id);
    await surveyRoundsRepository(db).closeIfOpen(round._id, now);
    forgetOpenEntries(round._id);
    const closed = await existingRound(db, round._id);
    // The round's results are final now: its points are kept here, so reading points never writes.
    await writeEvaluationCache(db, closed, now);
    return detailFor(db, caller, closed, now);
  },
});
