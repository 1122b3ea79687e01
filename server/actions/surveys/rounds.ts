import { isDistrictOffice, isOfficeFor, streetIdsOf } from '../../../src/domain/access/scope';
import { defaultForm, reviseForm } from '../../../src/domain/surveys/form';
import { DEFAULT_MAX_POINTS, DEFAULT_WEIGHTS, weightsProblem } from '../../../src/domain/surveys/points';
import { endDateProblem, endsAtOf, suggestedRound } from '../../../src/domain/surveys/round';
import { MIN_GROUP_SIZE } from '../../../src/domain/surveys/visibility';
import { chinaDateString } from '../../../src/domain/time/chinaTime';
import { createRoundInput, listRoundsInput, roundRefInput, updateDraftInput } from '../../../src/contract/surveys';
import type { RoundDetailView } from '../../../src/contract/surveys';
import type { StreetDocument } from '../../db/documents';
import type { SurveyRoundDocument } from '../../db/surveyDocuments';
import { findAll, getById, insert, updateWhere } from '../../db/ops';
import type { CloudDatabase } from '../../runtime/cloud';
import type { Caller } from '../../runtime/context';
import { defineAction } from '../../runtime/defineAction';
import { fail } from '../../runtime/failure';
import { newToken } from '../../runtime/tokens';
import { canManageRound, canSeeRound } from './access';
import { pairingsToSend } from './coverage';
import { entriesOfRound, roundOrFail } from './store';
import { roundDetail, roundSummary } from './views';

const offices = ['streetOffice', 'districtOffice'] as const;

/** A round the caller may see, or NOT_FOUND (a round outside one's scope does not exist for them). */
export async function visibleRound(db: CloudDatabase, caller: Caller, roundId: string): Promise<SurveyRoundDocument> {
  const round = await roundOrFail(db, roundId);
  if (!canSeeRound(caller.grants, round)) fail('NOT_FOUND', `survey round ${roundId} not visible to ${caller.personId}`, { field: 'roundId', userMessage: '找不到这次评议' });
  return round;
}

export async function managedRound(db: CloudDatabase, caller: Caller, roundId: string): Promise<SurveyRoundDocument> {
  const round = await visibleRound(db, caller, roundId);
  if (!canManageRound(caller.grants, round)) fail('FORBIDDEN', `person ${caller.personId} cannot manage survey round ${roundId}`, { userMessage: '这次评议由区委党群共建办组织，您可以查看本街道结对的情况' });
  return round;
}

/** The office's view of a round: drafts show how many pairings they would reach, others their progress in the caller's scope. */
export async function detailFor(db: CloudDatabase, caller: Caller, round: SurveyRoundDocument, now: Date): Promise<RoundDetailView> {
  if (round.state === 'draft') {
    const pairings = await pairingsToSend(db, round, chinaDateString(now));
    return roundDetail(round, now, caller.grants, [], pairings.length);
  }
  const entries = (await entriesOfRound(db, round._id)).filter((entry) => isDistrictOffice(caller.grants) || isOfficeFor(caller.grants, entry));
  return roundDetail(round, now, caller.grants, entries, new Set(entries.map((entry) => entry.pairingId)).size);
}

/** surveys.list — the rounds an office sees, newest first, and the scopes it may start one for. */
export const listRounds = defineAction({
  name: 'surveys.list',
  input: listRoundsInput,
  access: offices,
  async run({ db, caller, now }) {
    const rounds = await findAll<SurveyRoundDocument>(db.collection('surveyRounds').orderBy('createdAt', 'desc').limit(200));
    const scopes = [
      ...(isDistrictOffice(caller.grants) ? [{ name: '全区' }] : []),
      ...caller.grants.filter((grant) => grant.role === 'streetOffice').map((grant) => ({ streetId: grant.scopeId, name: grant.scopeName })),
    ];
    return {
      items: rounds.filter((round) => canSeeRound(caller.grants, round)).map((round) => roundSummary(round, now, caller.grants)),
      scopes,
      suggested: suggestedRound(now),
    };
  },
});

/** surveys.create — a draft round with the default form and weights; nothing is sent until it opens. */
export const createRound = defineAction({
  name: 'surveys.create',
  input: createRoundInput,
  access: offices,
  async run({ db, caller, now }, input) {
    let scopeName = '全区';
    if (input.streetId === undefined) {
      if (!isDistrictOffice(caller.grants)) fail('FORBIDDEN', `person ${caller.personId} cannot start a district round`, { field: 'streetId', userMessage: '全区评议由区委党群共建办发起；请选择您所在的街道' });
    } else {
      if (!isDistrictOffice(caller.grants) && !streetIdsOf(caller.grants).includes(input.streetId)) {
        fail('FORBIDDEN', `person ${caller.personId} cannot start a round for ${input.streetId}`, { field: 'streetId', userMessage: '只能为本街道发起评议' });
      }
      const street = await getById<StreetDocument>(db.collection('streets'), input.streetId);
      if (!street) fail('NOT_FOUND', `street ${input.streetId} not found`, { field: 'streetId', userMessage: '找不到这个街道' });
      scopeName = street.name;
    }
    const problem = endDateProblem(input.endDate, now);
    if (problem) fail('INVALID_INPUT', `end date ${input.endDate} refused`, { field: 'endDate', userMessage: problem });
    const thisYear = Number(chinaDateString(now).slice(0, 4));
    if (input.year > thisYear || input.year < thisYear - 1) fail('INVALID_INPUT', `round year ${input.year} refused`, { field: 'year', userMessage: '只能为今年或去年的结对发起评议' });
    const round: SurveyRoundDocument = {
      _id: newToken(),
      year: input.year,
      period: input.period,
      scope: input.streetId === undefined ? { type: 'district' } : { type: 'street', streetId: input.streetId },
      scopeName,
      state: 'draft',
      form: defaultForm(),
      weights: { ...DEFAULT_WEIGHTS },
      threshold: MIN_GROUP_SIZE,
      maxPoints: DEFAULT_MAX_POINTS,
      endDate: input.endDate,
      endsAt: endsAtOf(input.endDate)!,
      pairingIds: [],
      createdById: caller.personId,
      createdByName: caller.name,
      createdAt: now,
      updatedAt: now,
      openedAt: null,
      closedAt: null,
    };
    await insert(db.collection('surveyRounds'), round);
    return detailFor(db, caller, round, now);
  },
});

/** surveys.round — one round for an office: its form, weights and the progress of its pairings. */
export const getRound = defineAction({
  name: 'surveys.round',
  input: roundRefInput,
  access: offices,
  async run({ db, caller, now }, input) {
    return detailFor(db, caller, await visibleRound(db, caller, input.roundId), now);
  },
});

/** surveys.updateDraft — a new version of the form, other weights or another end date, while the round is a draft. */
export const updateDraft = defineAction({
  name: 'surveys.updateDraft',
  input: updateDraftInput,
  access: offices,
  async run({ db, caller, now }, input) {
    const round = await managedRound(db, caller, input.roundId);
    if (round.state !== 'draft') fail('CONFLICT', `survey round ${round._id} is ${round.state}; form frozen`, { userMessage: '评议已发布，问卷已冻结，不能再修改' });
    if (round.form.version !== input.formVersion) fail('CONFLICT', `form version ${input.formVersion} is stale (now ${round.form.version})`, { userMessage: '问卷刚被其他人修改过，请刷新后再编辑' });
    const changes: Record<string, unknown> = { updatedAt: now };
    const _ = db.command;
    if (input.items) {
      const revised = reviseForm(round.form, input.items);
      if ('problem' in revised) fail('INVALID_INPUT', `form refused: ${revised.problem.field}`, { field: revised.problem.field, userMessage: revised.problem.message });
      changes.form = _.set(revised.form);
    }
    if (input.weights) {
      const problem = weightsProblem(input.weights);
      if (problem) fail('INVALID_INPUT', 'weights refused', { field: 'weights', userMessage: problem });
      changes.weights = _.set(input.weights);
    }
    if (input.threshold !== undefined) changes.threshold = input.threshold;
    if (input.endDate) {
      const problem = endDateProblem(input.endDate, now);
      if (problem) fail('INVALID_INPUT', `end date ${input.endDate} refused`, { field: 'endDate', userMessage: problem });
      changes.endDate = input.endDate;
      changes.endsAt = endsAtOf(input.endDate)!;
    }
    const changed = await updateWhere(db.collection('surveyRounds').where({ _id: round._id, state: 'draft', 'form.version': input.formVersion }), changes);
    if (changed === 0) fail('CONFLICT', `survey round ${round._id} changed meanwhile`, { userMessage: '问卷刚被其他人修改或已发布，请刷新后再编辑' });
    return detailFor(db, caller, await roundOrFail(db, round._id), now);
  },
});
