import { chinaInstant } from '../../src/domain/time/chinaTime';
import { respondentGroupIds } from '../../src/domain/surveys/groups';
import { wxServerSdk } from '../../localcloud/sdk';
import { Collection } from '../../server/db/collection';
import { restoreClock, standAt } from '../support/clock';
import type { TestCloud } from '../support/testCloud';
import { openTestCloud } from '../support/testCloud';
import { allAnswers, answerInput, entryOf, SEEDED_ROUND } from './surveysFixture';

jest.setTimeout(60_000);

let t: TestCloud;
beforeAll(async () => {
  standAt(chinaInstant(2026, 6, 20, 10));
  t = await openTestCloud();
});
afterAll(() => {
  t.close();
  restoreClock();
});

describe('200 concurrent respondents on the local cloud', () => {
  it('store every accepted answer exactly once: count sent = count stored = count reported', async () => {
    const pairingId = t.district.pairings[7]!._id;
    const entries = Object.fromEntries(await Promise.all(respondentGroupIds.map(async (group) => [group, await entryOf(t, SEEDED_ROUND, pairingId, group)] as const)));
    const respondents = Array.from({ length: 200 }, (_, index) => ({
      openid: `load-${String(index).padStart(3, '0')}`,
      group: index % 10 === 0 ? ('owner' as const) : index % 2 === 0 ? ('partyMass' as const) : ('employees' as const),
      choice: (['satisfied', 'basic', 'dissatisfied'] as const)[index % 3]!,
    }));
    // Everybody taps 提交 twice at once (a double tap, a retried request): 400 calls in flight.
    const calls = respondents.flatMap((respondent) =>
      [0, 1].map(() => t.call(respondent.openid, 'surveys.answer', answerInput(entries[respondent.group]!, { answers: allAnswers(respondent.choice), comment: `意见${respondent.openid.slice(-3)}` }))),
    );
    const results = await Promise.all(calls);
    const accepted = results.filter((result) => result.ok).length;
    const alreadyCounted = results.filter((result) => !result.ok && result.error.code === 'ALREADY_DONE').length;
    expect(accepted).toBe(200);
    expect(alreadyCounted).toBe(200);
    for (const respondent of respondents) {
      const own = results.filter((_, index) => Math.floor(index / 2) === respondents.indexOf(respondent));
      expect(own.filter((result) => result.ok)).toHaveLength(1);
    }

    // stored: one once-only key per respondent, tallies adding up to 200 answers, 200 comments
    expect(await t.count('surveyBallots', { roundId: SEEDED_ROUND, pairingId })).toBe(200);
    const stored = { data: await new Collection<{ _id: string; group: string; responses: number; counts: Record<string, Record<string, number>>; comments: string[] }>(wxServerSdk().database(), 'surveyEntries').find({ roundId: SEEDED_ROUND, pairingId }) };
    const byGroup = Object.fromEntries(stored.data.map((entry) => [entry.group, entry]));
    const sent = { owner: 20, partyMass: 80, employees: 100 };
    for (const group of respondentGroupIds) {
      expect(byGroup[group]!.responses).toBe(sent[group]);
      for (const counts of Object.values(byGroup[group]!.counts)) expect(counts.satisfied! + counts.basic! + counts.dissatisfied!).toBe(sent[group]);
      expect(byGroup[group]!.comments).toHaveLength(sent[group]);
    }
    const comments = stored.data.flatMap((entry) => entry.comments);
    expect(new Set(comments).size).toBe(200);
    // kept in text order, whatever order they arrived in
    for (const entry of stored.data) expect(entry.comments).toEqual([...entry.comments].sort());

    // reported: what the office, the unit and the leader see
    const links = await t.call('demo-zhoutao', 'surveys.links', { roundId: SEEDED_ROUND, pairingId });
    expect(links.ok && links.data.groups.reduce((sum, group) => sum + group.responses, 0)).toBe(200);
    const detail = await t.call('demo-zhoutao', 'surveys.round', { roundId: SEEDED_ROUND });
    expect(detail.ok && detail.data.pairings.find((pairing) => pairing.pairingId === pairingId)).toMatchObject({ total: 200, responses: sent });
  });
});
