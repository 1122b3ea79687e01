import { chinaInstant } from '../../src/domain/time/chinaTime';
import { wxServerSdk } from '../../localcloud/sdk';
import { Collection } from '../../server/db/collection';
import { restoreClock, standAt } from '../support/clock';
import type { TestCloud } from '../support/testCloud';
import { openTestCloud } from '../support/testCloud';
import { allAnswers, answerInput, entryOf, responsesOf, SEEDED_ROUND, surveyState } from './surveysFixture';
import { meanwhile } from '../support/meanwhile';

let t: TestCloud;
let pairingId: string;
beforeAll(async () => {
  standAt(chinaInstant(2026, 6, 20, 10));
  t = await openTestCloud();
  pairingId = t.district.pairings[4]!._id;
});
afterAll(() => {
  t.close();
  restoreClock();
});

describe('answering through a group link', () => {
  it('shows the form to anyone with the link, signed in or not', async () => {
    const entry = await entryOf(t, SEEDED_ROUND, pairingId, 'employees');
    const view = await t.call(undefined, 'surveys.entry', { entry });
    expect(view).toMatchObject({ ok: true, data: { entry, roundLabel: '2026年年中评议', group: 'employees', phase: 'open', endDate: '2026-07-04', codesRequired: false, form: { version: 1 } } });
    expect(view.ok && view.data.form.items.map((item) => item.title)).toEqual(['到访指导', '联合活动', '帮助党群组织建设', '关爱党员和员工', '帮助解决实际问题', '工作作风']);
    expect(await t.call(undefined, 'surveys.entry', { entry: 'AAAAAAAAAAAAAAAAAAAAAA' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'entry', message: '评议链接无效，请向本单位党组织负责人索取新的链接或二维码' } });
    expect(await t.call(undefined, 'surveys.entry', { entry: '../x' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'entry', message: '评议链接无效' } });
  });

  it('takes one answer per person per round and pairing; a second attempt is told it already counted', async () => {
    const employees = await entryOf(t, SEEDED_ROUND, pairingId, 'employees');
    const partyMass = await entryOf(t, SEEDED_ROUND, pairingId, 'partyMass');
    expect(await t.call('employee-a', 'surveys.answer', answerInput(employees, { comment: '希望多来走访' }))).toEqual({ ok: true, data: { counted: true, roundLabel: '2026年年中评议' } });
    const before = await surveyState();
    expect(await t.call('employee-a', 'surveys.answer', answerInput(employees))).toEqual({ ok: false, error: { code: 'ALREADY_DONE', message: '您已参加过本次评议，答卷已计入，谢谢！' } });
    // the same person through another group's link of the same pairing
    expect(await t.call('employee-a', 'surveys.answer', answerInput(partyMass))).toMatchObject({ ok: false, error: { code: 'ALREADY_DONE' } });
    expect(await surveyState()).toBe(before);
    // a joined person answers like anybody else (王芳 leads org-001, not this pairing's org)
    expect(await t.call('demo-wangfang', 'surveys.answer', answerInput(partyMass))).toMatchObject({ ok: true });
    expect(await responsesOf(t, SEEDED_ROUND, pairingId)).toEqual({ partyMass: 1, employees: 1, owner: 0 });
     // Told when the survey opens (before any question), on any group link of the pairing; a newcomer may answer.
    expect(await t.call('employee-a', 'surveys.entry', { entry: partyMass })).toMatchObject({ ok: true, data: { eligibility: 'answered' } });
    expect(await t.call('employee-new', 'surveys.entry', { entry: partyMass })).toMatchObject({ ok: true, data: { eligibility: 'open' } });
  });

  it('does not let the evaluated unit’s people answer about their own unit', async () => {
    const own = await entryOf(t, SEEDED_ROUND, t.district.pairings[0]!._id, 'employees');
    const before = await surveyState();
    expect(await t.call('demo-liming', 'surveys.answer', answerInput(own))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '被评议单位的人员不能参加对本单位的评议' } });
    expect(await t.call('demo-liming', 'surveys.entry', { entry: own })).toMatchObject({ ok: true, data: { eligibility: 'ownUnit' } });
    expect(await surveyState()).toBe(before);
  });

  it('refuses every kind of bad answer with a clear message and writes nothing', async () => {
    const entry = await entryOf(t, SEEDED_ROUND, pairingId, 'employees');
    const { visits: _visits, ...missingOne } = allAnswers();
    const cases: Array<[string | undefined, unknown, Record<string, unknown>]> = [
      ['bad-1', { entry: 'ZZZZZZZZZZZZZZZZZZZZZZ', formVersion: 1, answers: allAnswers() }, { code: 'NOT_FOUND', field: 'entry', message: '评议链接无效，请向本单位党组织负责人索取新的链接或二维码' }],
      ['bad-2', { ...answerInput(entry), answers: missingOne }, { code: 'INVALID_INPUT', field: 'answers.visits', message: '请回答第 1 题：到访指导' }],
      ['bad-3', { ...answerInput(entry), answers: { ...allAnswers(), extra: 'basic' } }, { code: 'INVALID_INPUT', field: 'answers.extra', message: '问卷已更新，请刷新后重新作答' }],
      ['bad-4', { ...answerInput(entry), answers: { ...allAnswers(), visits: 'excellent' } }, { code: 'INVALID_INPUT', field: 'answers.visits', message: '请选择满意、基本满意或不满意' }],
      ['bad-5', { ...answerInput(entry), answers: 'satisfied' }, { code: 'INVALID_INPUT', field: 'answers', message: '请先回答问卷' }],
      ['bad-6', { ...answerInput(entry), comment: '很'.repeat(301) }, { code: 'INVALID_INPUT', field: 'comment', message: '意见建议不能超过 300 字' }],
      ['bad-7', { ...answerInput(entry), comment: '很'.repeat(5000) }, { code: 'INVALID_INPUT', field: 'comment', message: '意见建议不能超过 300 字' }],
      ['bad-8', { ...answerInput(entry), formVersion: 2 }, { code: 'CONFLICT', message: '问卷已更新，请刷新后重新作答' }],
      ['bad-9', { ...answerInput(entry), ballotCode: 'ABCDE-FGHJK' }, { code: 'INVALID_INPUT', field: 'ballotCode', message: '评议码无效，请核对后重新输入（注意不要输错分组）' }],
      [undefined, answerInput(entry), { code: 'UNAUTHENTICATED', message: '请在微信中打开评议链接，或输入评议码后作答' }],
      ['bad-10', { ...answerInput(entry), entry: undefined }, { code: 'INVALID_INPUT', field: 'entry', message: '评议链接无效' }],
    ];
    const before = await surveyState();
    for (const [openid, input, error] of cases) {
      expect(await t.raw(openid, 'surveys', { action: 'surveys.answer', input })).toEqual({ ok: false, error });
    }
    expect(await surveyState()).toBe(before);
  });

  it('cleans comments and keeps them in text order, never in arrival order', async () => {
    const entry = await entryOf(t, SEEDED_ROUND, t.district.pairings[5]!._id, 'employees');
    await t.call('comment-1', 'surveys.answer', answerInput(entry, { comment: '  乙：打 13912345678 联系我  ' }));
    await t.call('comment-2', 'surveys.answer', answerInput(entry, { comment: '甲：很好' }));
    await t.call('comment-3', 'surveys.answer', answerInput(entry, { comment: '   ' }));
    const stored = await new Collection<{ _id: string; comments: string[]; responses: number }>(wxServerSdk().database(), 'surveyEntries').byId(entry);
    expect(stored?.responses).toBe(3);
    expect(stored?.comments).toEqual(['乙：打 ＊＊＊ 联系我', '甲：很好']);
  });
});

describe('one-time ballot codes (评议码)', () => {
  let owner: string;
  let codes: readonly string[];
  const ownerPairing = () => t.district.pairings[0]!._id;

  beforeAll(async () => {
    owner = await entryOf(t, SEEDED_ROUND, ownerPairing(), 'owner', 'demo-wangfang');
  });

  it('are issued for a group by the org’s approved party leader, and then only a code answers there', async () => {
    expect(await t.call('demo-liuyang', 'surveys.ballotCodes', { roundId: SEEDED_ROUND, pairingId: ownerPairing(), group: 'owner', add: 1 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call('demo-liming', 'surveys.ballotCodes', { roundId: SEEDED_ROUND, pairingId: ownerPairing(), group: 'owner', add: 1 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const issued = await t.call('demo-wangfang', 'surveys.ballotCodes', { roundId: SEEDED_ROUND, pairingId: ownerPairing(), group: 'owner', add: 2 });
    if (!issued.ok) throw new Error(issued.error.message);
    codes = issued.data.codes;
    expect(codes).toHaveLength(2);
    expect(codes[0]).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
    expect(issued.data.path).toBe(`pages/survey/index?e=${owner}`);
    const listed = await t.call('demo-wangfang', 'surveys.ballotCodes', { roundId: SEEDED_ROUND, pairingId: ownerPairing(), group: 'owner' });
    expect(listed.ok && listed.data.codes).toEqual(codes);
    expect(await t.call(undefined, 'surveys.entry', { entry: owner })).toMatchObject({ ok: true, data: { codesRequired: true } });

    const before = await surveyState();
    expect(await t.call('not-the-owner', 'surveys.answer', answerInput(owner))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', field: 'ballotCode', message: '本组凭评议码作答，请输入组织负责人发给您的评议码' } });
    expect(await surveyState()).toBe(before);
  });

  it('answer once without WeChat; a tampered, reused or other group’s code is refused and nothing is written', async () => {
    const code = codes[0]!;
    expect(await t.call(undefined, 'surveys.answer', answerInput(owner, { ballotCode: code.toLowerCase().replace('-', ' ') }))).toMatchObject({ ok: true });
    const before = await surveyState();
    expect(await t.call(undefined, 'surveys.answer', answerInput(owner, { ballotCode: code }))).toMatchObject({ ok: false, error: { code: 'ALREADY_DONE' } });
    const last = code.slice(-1) === '0' ? '1' : '0';
    expect(await t.call(undefined, 'surveys.answer', answerInput(owner, { ballotCode: code.slice(0, -1) + last }))).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'ballotCode' } });
    const employees = await entryOf(t, SEEDED_ROUND, ownerPairing(), 'employees');
    expect(await t.call(undefined, 'surveys.answer', answerInput(employees, { ballotCode: codes[1]! }))).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'ballotCode' } });
    expect(await t.call(undefined, 'surveys.answer', answerInput(owner, { ballotCode: '12345' }))).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'ballotCode' } });
    expect(await surveyState()).toBe(before);
  });

  it('used inside WeChat use up the WeChat identity too, and a used identity keeps the code unused', async () => {
    const employees = await entryOf(t, SEEDED_ROUND, ownerPairing(), 'employees');
    expect(await t.call('owner-wechat', 'surveys.answer', answerInput(employees))).toMatchObject({ ok: true });
    const before = await surveyState();
    expect(await t.call('owner-wechat', 'surveys.answer', answerInput(owner, { ballotCode: codes[1]! }))).toMatchObject({ ok: false, error: { code: 'ALREADY_DONE' } });
    expect(await surveyState()).toBe(before);
    expect(await t.call('owner-2', 'surveys.answer', answerInput(owner, { ballotCode: codes[1]! }))).toMatchObject({ ok: true });
    expect(await t.call('owner-2', 'surveys.answer', answerInput(employees))).toMatchObject({ ok: false, error: { code: 'ALREADY_DONE' } });
    expect(await responsesOf(t, SEEDED_ROUND, ownerPairing())).toMatchObject({ owner: 2 });
  });

  it('refuse issuing more than allowed or for an unknown group', async () => {
    const before = await surveyState();
    expect(await t.call('demo-wangfang', 'surveys.ballotCodes', { roundId: SEEDED_ROUND, pairingId: ownerPairing(), group: 'owner', add: 201 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'add', message: '一次最多发放 200 个评议码' } });
    expect(await t.raw('demo-wangfang', 'surveys', { action: 'surveys.ballotCodes', input: { roundId: SEEDED_ROUND, pairingId: ownerPairing(), group: 'boss', add: 1 } })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'group', message: '评议对象分组不正确' } });
    expect(await t.call('demo-wangfang', 'surveys.ballotCodes', { roundId: SEEDED_ROUND, pairingId: 'pairing-none', group: 'owner', add: 1 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'pairingId' } });
    expect(await t.call('demo-wangfang', 'surveys.links', { roundId: 'round-none', pairingId: ownerPairing() })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'roundId' } });
    expect(await surveyState()).toBe(before);
  });
});

describe('a round ended while a function instance still holds its entry', () => {
  it('refuses the answer in the database’s own check and gives the once-only key back', async () => {
    const draft = await t.call('demo-zhoutao', 'surveys.create', { period: 'yearEnd', year: 2026, endDate: '2026-07-31' });
    if (!draft.ok) throw new Error(draft.error.message);
    const opened = await t.call('demo-zhoutao', 'surveys.open', { roundId: draft.data.round.id, formVersion: 1 });
    if (!opened.ok) throw new Error(opened.error.message);
    const entry = await entryOf(t, draft.data.round.id, pairingId, 'employees');
    expect(await t.call('early-1', 'surveys.answer', answerInput(entry))).toMatchObject({ ok: true });
    // another function instance ends the round: this one still has the entry cached
    await new Collection(wxServerSdk().database(), 'surveyEntries').updateWhere({ roundId: draft.data.round.id }, { state: 'closed' });
    const ballots = await t.count('surveyBallots', { roundId: draft.data.round.id });
    expect(await t.call('early-2', 'surveys.answer', answerInput(entry))).toMatchObject({ ok: false, error: { code: 'EXPIRED', message: '本次评议已于 7月31日 24:00 结束，不再接收答卷' } });
    expect(await t.count('surveyBallots', { roundId: draft.data.round.id })).toBe(ballots);
    expect(await t.call('early-2', 'surveys.answer', answerInput(entry))).toMatchObject({ ok: false, error: { code: 'EXPIRED' } });
  });
});

describe('a round ended while an answer is being written', () => {
  /** Ends the round (as surveys.close would, from another instance) just before the answer's first request of this kind. */
  async function answerWhileTheRoundEnds(roundId: string, respondent: string, input: ReturnType<typeof answerInput>, moment: 'database.insertDocument' | 'database.modifyDocument') {
    const end = async () => {
      await new Collection(wxServerSdk().database(), 'surveyEntries').updateWhere({ roundId }, { state: 'closed' });
    };
    const { result, happened } = await meanwhile(t.cloud.db, moment, end, () => t.call(respondent, 'surveys.answer', input));
    return { result, ended: happened };
  }

  it.each([
    ['as its once-only key is claimed', 'database.insertDocument'],
    ['as its answer is added to the tally', 'database.modifyDocument'],
  ] as const)('is refused %s, and leaves neither the key nor the answer', async (_when, moment) => {
    // The seeded mid-year round, open; ended during the answer and opened again after, for the next case.
    const entry = await entryOf(t, SEEDED_ROUND, pairingId, 'employees');
    expect(await t.call(`before-${moment}`, 'surveys.answer', answerInput(entry))).toMatchObject({ ok: true });
    const ballots = await t.count('surveyBallots', { roundId: SEEDED_ROUND });
    const tally = await responsesOf(t, SEEDED_ROUND, pairingId);
    try {
      const { result, ended } = await answerWhileTheRoundEnds(SEEDED_ROUND, `during-${moment}`, answerInput(entry), moment);
      expect(ended).toBe(true);
      expect(result).toMatchObject({ ok: false, error: { code: 'EXPIRED' } });
      expect(await t.count('surveyBallots', { roundId: SEEDED_ROUND })).toBe(ballots);
      expect(await responsesOf(t, SEEDED_ROUND, pairingId)).toEqual(tally);
    } finally {
      await new Collection(wxServerSdk().database(), 'surveyEntries').updateWhere({ roundId: SEEDED_ROUND }, { state: 'open' });
    }
    // Open again, the same person is counted: nothing of theirs was kept.
    expect(await t.call(`during-${moment}`, 'surveys.answer', answerInput(entry))).toMatchObject({ ok: true });
  });
});
