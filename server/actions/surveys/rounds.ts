import { policy } from '../../../src/domain/access/policy';
import { defaultForm, reviseForm } from '../../../src/domain/surveys/form';
import { DEFAULT_MAX_POINTS, DEFAULT_WEIGHTS, weightsProblem } from '../../../src/domain/surveys/points';
import { endDateProblem, endsAtOf, suggestedRound } from '../../../src/domain/surveys/round';
import type { RoundScope } from '../../../src/domain/surveys/round';
import { MIN_GROUP_SIZE } from '../../../src/domain/surveys/visibility';
import { chinaDateString } from '../../../src/domain/time/chinaTime';
import { createRoundInput, listRoundsInput, roundPageInput, updateDraftInput } from '../../../src/contract/surveys';
import type { SurveyRoundDocument } from '../../db/surveyDocuments';
import type { DraftChanges } from '../../repositories/surveyRounds';
import { surveyRoundsRepository } from '../../repositories/surveyRounds';
import { surveyScopeRepository } from '../../repositories/surveyScope';
import { accessWhere, allows, subjectOfCaller } from '../../runtime/access';
import { defineAction } from '../../runtime/defineAction';
import { fail } from '../../runtime/failure';
import { newToken } from '../../runtime/tokens';
import { detailFor, roundSummary } from './roundProgress';
import { existingRound, managedRound, visibleRound } from './roundsInScope';

const offices = ['streetOffice', 'districtOffice'] as const;

/** surveys.list — the rounds an office sees (policy.survey.viewRound), newest first, and the scopes it may start one for. */
export const listRounds = defineAction({
  name: 'surveys.list',
  input: listRoundsInput,
  access: offices,
  async run({ db, caller, now }) {
    const within = accessWhere(db, caller, policy.survey.viewRound);
    const rounds = within === null ? [] : await surveyRoundsRepository(db).newest(within);
    const scopes = [
      ...(subjectOfCaller(caller).district ? [{ name: '全区' }] : []),
      ...caller.grants.filter((grant) => grant.role === 'streetOffice').map((grant) => ({ streetId: grant.scopeId, name: grant.scopeName })),
    ];
    return { items: rounds.map((round) => roundSummary(round, now, caller)), scopes, suggested: suggestedRound(now) };
  },
});

/** surveys.create — a draft round with the default form and weights; nothing is sent until it opens. */
export const createRound = defineAction({
  name: 'surveys.create',
  input: createRoundInput,
  access: offices,
  async run({ db, caller, now }, input) {
    const scope: RoundScope = input.streetId === undefined ? { type: 'district' } : { type: 'street', streetId: input.streetId };
    if (!allows(caller, policy.survey.manageRound, { scope })) {
      if (scope.type === 'district') fail('FORBIDDEN', `person ${caller.personId} cannot start a district round`, { field: 'streetId', userMessage: '全区评议由区委党群共建办发起；请选择您所在的街道' });
      fail('FORBIDDEN', `person ${caller.personId} cannot start a round for ${scope.streetId}`, { field: 'streetId', userMessage: '只能为本街道发起评议' });
    }
    let scopeName = '全区';
    if (scope.type === 'street') {
      const street = await surveyScopeRepository(db).street(scope.streetId);
      if (!street) fail('NOT_FOUND', `street ${scope.streetId} not found`, { field: 'streetId', userMessage: '找不到这个街道' });
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
      scope,
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
    await surveyRoundsRepository(db).insert(round);
    return detailFor(db, caller, round, now);
  },
});

/** surveys.round — one round for an office: its form, weights and the progress of its pairings (a page of them). */
export const getRound = defineAction({
  name: 'surveys.round',
  input: roundPageInput,
  access: offices,
  async run({ db, caller, now }, input) {
    return detailFor(db, caller, await visibleRound(db, caller, input.roundId), now, input);
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
    const changes: { -readonly [K in keyof DraftChanges]: DraftChanges[K] } = {};
    if (input.items) {
      const revised = reviseForm(round.form, input.items);
      if ('problem' in revised) fail('INVALID_INPUT', `form refused: ${revised.problem.field}`, { field: revised.problem.field, userMessage: revised.problem.message });
      changes.form = revised.form;
    }
    if (input.weights) {
      const problem = weightsProblem(input.weights);
      if (problem) fail('INVALID_INPUT', 'weights refused', { field: 'weights', userMessage: problem });
      changes.weights = input.weights;
    }
    if (input.threshold !== undefined) changes.threshold = input.threshold;
    if (input.endDate) {
      const problem = endDateProblem(input.endDate, now);
      if (problem) fail('INVALID_INPUT', `end date ${input.endDate} refused`, { field: 'endDate', userMessage: problem });
      changes.endDate = input.endDate;
      changes.endsAt = endsAtOf(input.endDate)!;
    }
    const revised = await surveyRoundsRepository(db).reviseDraft(round._id, input.formVersion, changes, now);
    if (!revised) fail('CONFLICT', `survey round ${round._id} changed meanwhile`, { userMessage: '问卷刚被其他人修改或已发布，请刷新后再编辑' });
    return detailFor(db, caller, await existingRound(db, round._id), now);
  },
});
