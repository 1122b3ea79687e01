import { chinaInstant } from '../../src/domain/time/chinaTime';
import { engineOf } from '../../localcloud/db/database';
import type { Engine } from '../../localcloud/db/engine';
import { restoreClock, standAt } from '../support/clock';
import type { TestCloud } from '../support/testCloud';
import { openTestCloud } from '../support/testCloud';
import { allAnswers, answerInput, entryOf, responsesOf, SEEDED_ROUND } from './surveysFixture';

jest.setTimeout(120_000);

let t: TestCloud;
beforeAll(async () => {
  standAt(chinaInstant(2026, 6, 20, 10));
  t = await openTestCloud();
});
afterAll(() => {
  t.close();
  restoreClock();
});

const token = (name: string) => `submission-${name}`.padEnd(22, 'x');

/**
 * The local database dies (as the function's process would) right after the once-only key was
 * written: every later request fails until the test "restarts" it.
 */
function dieAfterBallotInsert(engine: Engine): { restart(): void; died(): boolean } {
  let dead = false;
  const original = {
    insert: engine.insert.bind(engine),
    updateById: engine.updateById.bind(engine),
    updateWhere: engine.updateWhere.bind(engine),
    removeWhere: engine.removeWhere.bind(engine),
    removeById: engine.removeById.bind(engine),
    commitTransaction: engine.commitTransaction.bind(engine),
    getById: engine.getById.bind(engine),
    find: engine.find.bind(engine),
  };
  const guard = <A extends unknown[], R>(method: (...args: A) => R) => (...args: A): R => {
    if (dead) throw new Error('the function died');
    return method(...args);
  };
  Object.assign(engine, {
    insert: (collection: unknown, docs: Parameters<Engine['insert']>[1], txId?: unknown) => {
      if (dead) throw new Error('the function died');
      const ids = original.insert(collection, docs, txId);
      if (collection === 'surveyBallots') dead = true;
      return ids;
    },
    updateById: guard(original.updateById),
    updateWhere: guard(original.updateWhere),
    removeWhere: guard(original.removeWhere),
    removeById: guard(original.removeById),
    commitTransaction: guard(original.commitTransaction),
    getById: guard(original.getById),
    find: guard(original.find),
  });
  return {
    restart: () => Object.assign(engine, original),
    died: () => dead,
  };
}

describe('every answer counted exactly once', () => {
  it('120 concurrent answers to one group, each sent twice at once with its submission token: 120 counted, everyone told success', async () => {
    const pairingId = t.district.pairings[6]!._id;
    const entry = await entryOf(t, SEEDED_ROUND, pairingId, 'employees');
    const respondents = Array.from({ length: 120 }, (_, index) => `once-${String(index).padStart(3, '0')}`);
    const calls = respondents.flatMap((openid) => [0, 1].map(() => t.call(openid, 'surveys.answer', answerInput(entry, { submission: token(openid) }))));
    const results = await Promise.all(calls);
    const failures = results.filter((result) => !result.ok);
    expect(failures).toEqual([]);
    expect(await responsesOf(t, SEEDED_ROUND, pairingId)).toEqual({ partyMass: 0, employees: 120, owner: 0 });
    expect(await t.count('surveyBallots', { roundId: SEEDED_ROUND, pairingId })).toBe(120);
  });

  it('a submission sent again after its response was lost ends on success and counts once; another submission of the same person does not', async () => {
    const pairingId = t.district.pairings[8]!._id;
    const entry = await entryOf(t, SEEDED_ROUND, pairingId, 'partyMass');
    const first = answerInput(entry, { submission: token('lost'), comment: '一次' });
    expect(await t.call('resender', 'surveys.answer', first)).toEqual({ ok: true, data: { counted: true, roundLabel: '2026年年中评议' } });
    // the response never arrived: the client sends the very same submission again
    expect(await t.call('resender', 'surveys.answer', first)).toEqual({ ok: true, data: { counted: true, roundLabel: '2026年年中评议' } });
    expect(await responsesOf(t, SEEDED_ROUND, pairingId)).toEqual({ partyMass: 1, employees: 0, owner: 0 });
    // a new submission (another phone, a cleared app) is a second attempt
    expect(await t.call('resender', 'surveys.answer', answerInput(entry, { submission: token('other') }))).toMatchObject({ ok: false, error: { code: 'ALREADY_DONE', message: '您已参加过本次评议，答卷已计入，谢谢！' } });
    expect(await t.call('resender', 'surveys.answer', answerInput(entry))).toMatchObject({ ok: false, error: { code: 'ALREADY_DONE' } });
    expect(await responsesOf(t, SEEDED_ROUND, pairingId)).toEqual({ partyMass: 1, employees: 0, owner: 0 });
  });

  it('a function dying right after the once-only key was written leaves neither write, and the respondent can answer again', async () => {
    const pairingId = t.district.pairings[9]!._id;
    const entry = await entryOf(t, SEEDED_ROUND, pairingId, 'employees');
    const input = answerInput(entry, { answers: allAnswers('basic'), submission: token('crash') });
    const crash = dieAfterBallotInsert(engineOf(t.cloud.db));
    const during = await t.call('crasher', 'surveys.answer', input);
    crash.restart();
    expect(crash.died()).toBe(true);
    expect(during.ok).toBe(false);
    // both writes or neither: no key without its answer
    expect(await t.count('surveyBallots', { roundId: SEEDED_ROUND, pairingId })).toBe(0);
    expect(await responsesOf(t, SEEDED_ROUND, pairingId)).toEqual({ partyMass: 0, employees: 0, owner: 0 });
    // the client's retry (same submission) is counted, once
    expect(await t.call('crasher', 'surveys.answer', input)).toEqual({ ok: true, data: { counted: true, roundLabel: '2026年年中评议' } });
    expect(await t.call('crasher', 'surveys.answer', input)).toMatchObject({ ok: true });
    expect(await responsesOf(t, SEEDED_ROUND, pairingId)).toEqual({ partyMass: 0, employees: 1, owner: 0 });
    expect(await t.count('surveyBallots', { roundId: SEEDED_ROUND, pairingId })).toBe(1);
  });
});
