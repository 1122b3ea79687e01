import { ballotCodes, links, qrCode } from './distribution';
import { exportRound } from './exportRound';
import { closeRound, openRound } from './openAndClose';
import { answer, getEntry } from './respond';
import { mine, results } from './results';
import { createRound, getRound, listRounds, updateDraft } from './rounds';
import { requiringSurveySecret } from './surveySecret';

/** The actions of the cloud function `surveys` (评议), each refused while the survey secret is missing. */
export const surveyActions = [listRounds, createRound, getRound, updateDraft, openRound, closeRound, results, exportRound, mine, links, qrCode, ballotCodes, getEntry, answer].map(requiringSurveySecret);
