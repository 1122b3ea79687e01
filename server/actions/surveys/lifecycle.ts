import { endDateProblem } from '../../../src/domain/surveys/round';
import { chinaDateString } from '../../../src/domain/time/chinaTime';
import { openRoundInput, roundRefInput } from '../../../src/contract/surveys';
import type { PairingDocument } from '../../db/documents';
import { findEvery } from '../../db/paginate';
import { updateWhere } from '../../db/ops';
import { defineAction } from '../../runtime/defineAction';
import { fail } from '../../runtime/failure';
import { pairingsToSend } from './coverage';
import { ensureEntries } from './entryDocuments';
import { forgetOpenEntries } from './openEntries';
import { detailFor, managedRound } from './rounds';
import { roundOrFail } from './store';

const offices = ['streetOffice', 'districtOffice'] as const;

/**
 * surveys.open — freezes the form the office saw and sends the questionnaire: every pairing in scope
 * gets one entry (link, QR code, tally) per respondent group. The round is claimed first with a
 * conditional update (draft → open), so two offices opening at once open it once; opening again
 * completes entries a failure may have left out.
 */
export const openRound = defineAction({
  name: 'surveys.open',
  input: openRoundInput,
  access: offices,
  async run({ db, caller, now }, input) {
    const round = await managedRound(db, caller, input.roundId);
    if (round.state === 'closed') fail('CONFLICT', `survey round ${round._id} is closed`, { userMessage: '这次评议已经结束' });
    if (round.state === 'open') {
      const pairings = await findEvery<PairingDocument>(db.collection('pairings').where({ _id: db.command.in([...round.pairingIds]) }));
      await ensureEntries(db, round, pairings);
      return detailFor(db, caller, round, now);
    }
    if (round.form.version !== input.formVersion) fail('CONFLICT', `form version ${input.formVersion} is stale (now ${round.form.version})`, { userMessage: '问卷刚被修改过，请确认最新的问卷后再发布' });
    const problem = endDateProblem(round.endDate, now);
    if (problem) fail('INVALID_INPUT', `end date ${round.endDate} no longer valid`, { field: 'endDate', userMessage: `${problem}，请先修改截止日期` });
    const pairings = await pairingsToSend(db, round, chinaDateString(now));
    if (pairings.length === 0) fail('CONFLICT', `no pairing to send survey round ${round._id} to`, { userMessage: '范围内没有需要评议的结对（可能都已在本年度同期的其他评议中）' });
    const claimed = await updateWhere(db.collection('surveyRounds').where({ _id: round._id, state: 'draft', 'form.version': input.formVersion }), {
      state: 'open',
      openedAt: now,
      updatedAt: now,
      pairingIds: db.command.set(pairings.map((pairing) => pairing._id)),
    });
    if (claimed === 0) fail('CONFLICT', `survey round ${round._id} changed while opening`, { userMessage: '评议刚被其他人修改或发布，请刷新后再试' });
    const opened = await roundOrFail(db, round._id);
    await ensureEntries(db, opened, pairings);
    return detailFor(db, caller, opened, now);
  },
});

/**
 * surveys.close — ends an open round before its end time (e.g. everybody has answered). Entries close
 * first, so no answer slips in after the round says it is closed; closing again changes nothing.
 */
export const closeRound = defineAction({
  name: 'surveys.close',
  input: roundRefInput,
  access: offices,
  async run({ db, caller, now }, input) {
    const round = await managedRound(db, caller, input.roundId);
    if (round.state === 'draft') fail('CONFLICT', `survey round ${round._id} is a draft`, { userMessage: '评议尚未发布，无需结束' });
    if (round.state === 'open') {
      await updateWhere(db.collection('surveyEntries').where({ roundId: round._id, state: 'open' }), { state: 'closed' });
      await updateWhere(db.collection('surveyRounds').where({ _id: round._id, state: 'open' }), { state: 'closed', closedAt: now, updatedAt: now });
      forgetOpenEntries(round._id);
    }
    return detailFor(db, caller, await roundOrFail(db, round._id), now);
  },
});
