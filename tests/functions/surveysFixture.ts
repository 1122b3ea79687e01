import type { ActionInput } from '../../src/contract/actions';
import type { Choice } from '../../src/domain/surveys/form';
import { DEFAULT_FORM_ITEMS } from '../../src/domain/surveys/form';
import type { RespondentGroup } from '../../src/domain/surveys/groups';
import { wxServerSdk } from '../../localcloud/sdk';
import { Collection } from '../../server/db/collection';
import type { TestCloud } from '../support/testCloud';

/** Shared steps of the survey function tests (surveys*.test.ts). */

/** The demo district's seeded round at the tests' clock (mid-year, 2026). */
export const SEEDED_ROUND = 'survey-2026-midYear-district';

export function allAnswers(choice: Choice = 'satisfied'): Record<string, Choice> {
  return Object.fromEntries(DEFAULT_FORM_ITEMS.map((item) => [item.id, choice]));
}

/** A group's entry token, as the org's party leader (王芳 for org-001) or an office hands it out. */
export async function entryOf(t: TestCloud, roundId: string, pairingId: string, group: RespondentGroup, as = 'demo-zhoutao'): Promise<string> {
  const links = await t.call(as, 'surveys.links', { roundId, pairingId });
  if (!links.ok) throw new Error(`links: ${links.error.code} ${links.error.message}`);
  const found = links.data.groups.find((link) => link.group === group);
  if (!found) throw new Error(`no ${group} entry`);
  return found.entry;
}

export function answerInput(entry: string, overrides: Partial<ActionInput<'surveys.answer'>> = {}): ActionInput<'surveys.answer'> {
  return { entry, formVersion: 1, answers: allAnswers(), ...overrides };
}

/** Everything the surveys keep, as one string: equal before and after means nothing was written. */
export async function surveyState(): Promise<string> {
  const db = wxServerSdk().database();
  const [rounds, entries, ballots] = await Promise.all([
    new Collection<{ _id: string }>(db, 'surveyRounds').findEvery({}),
    new Collection<{ _id: string }>(db, 'surveyEntries').findEvery({}),
    new Collection<{ _id: string }>(db, 'surveyBallots').findEvery({}),
  ]);
  const sorted = (docs: Array<{ _id: string }>) => [...docs].sort((a, b) => (a._id < b._id ? -1 : 1));
  return JSON.stringify({ rounds: sorted(rounds), entries: sorted(entries), ballots: sorted(ballots) });
}

export async function responsesOf(t: TestCloud, roundId: string, pairingId: string): Promise<Record<RespondentGroup, number>> {
  const links = await t.call('demo-zhoutao', 'surveys.links', { roundId, pairingId });
  if (!links.ok) throw new Error(links.error.message);
  return Object.fromEntries(links.data.groups.map((link) => [link.group, link.responses])) as Record<RespondentGroup, number>;
}
